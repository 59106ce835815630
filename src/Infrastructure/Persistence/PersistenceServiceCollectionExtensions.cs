using Kurobe.Application.Common.Security;
using Kurobe.Application.Asking.Ports;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Infrastructure.Persistence.Asking;
using Kurobe.Application.Identity.Ports;
using Kurobe.Infrastructure.Persistence.DataSources;
using Kurobe.Infrastructure.Persistence.Identity;
using Kurobe.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The metadata store: SQLite in the data directory, or PostgreSQL when <c>ConnectionStrings:Kurobe</c> is set;
    /// its <see cref="IDataSourceStore"/>; and the migrator, which starts before every other hosted service.
    /// </summary>
    public static IServiceCollection AddKurobeMetadataStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(MetadataStoreOptions.ConnectionStringName);
        services.AddOptions<MetadataStoreOptions>()
            .Configure(options => options.ConnectionString = connectionString)
            .Validate(
                options => options.Provider == MetadataStoreProvider.Sqlite || MetadataStoreOptions.IsValidPostgresConnectionString(options.ConnectionString),
                $"ConnectionStrings:{MetadataStoreOptions.ConnectionStringName} is not a valid PostgreSQL connection string.")
            .ValidateOnStart();
        // The data directory is bound (and validated) by AddKurobeInfrastructure too; binding it twice is harmless.
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => MetadataStoreConnection.Resolve(
            sp.GetRequiredService<IOptions<MetadataStoreOptions>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddSingleton<TimestampsInterceptor>();
        services.AddSingleton<TenantSessionInterceptor>();
        services.TryAddSingleton<ICurrentPrincipal, AmbientPrincipal>();

        var provider = new MetadataStoreOptions { ConnectionString = connectionString }.Provider;
        if (provider == MetadataStoreProvider.Postgres)
        {
            services.AddDbContext<PostgresKurobeDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<MetadataStoreConnection>().RuntimeConnectionString)
                    .AddInterceptors(sp.GetRequiredService<TimestampsInterceptor>(), sp.GetRequiredService<TenantSessionInterceptor>()));
            services.AddScoped<KurobeDbContext>(sp => sp.GetRequiredService<PostgresKurobeDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteKurobeDbContext>((sp, options) =>
                options.UseSqlite(sp.GetRequiredService<MetadataStoreConnection>().RuntimeConnectionString)
                    .AddInterceptors(sp.GetRequiredService<TimestampsInterceptor>()));
            services.AddScoped<KurobeDbContext>(sp => sp.GetRequiredService<SqliteKurobeDbContext>());
        }

        services.AddScoped<IDataSourceStore, EfDataSourceStore>();
        services.AddScoped<IAskHistory, EfAskHistory>();
        services.AddScoped<IVerifiedExampleStore, EfVerifiedExampleStore>();
        services.AddScoped<IIdentityStore, EfIdentityStore>();

        services.AddSingleton<MetadataStoreMigrator>();
        // Hosted services start in registration order: the schema must be ready before anything that reads the store.
        var migrator = ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<MetadataStoreMigrator>());
        var firstHostedService = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService));
        services.Insert(firstHostedService < 0 ? services.Count : firstHostedService, migrator);
        return services;
    }
}
