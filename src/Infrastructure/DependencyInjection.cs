using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Infrastructure.Caching;
using Kurobe.Infrastructure.DataSources;
using Kurobe.Infrastructure.Demo;
using Kurobe.Infrastructure.DuckDb;
using Kurobe.Infrastructure.Identity;
using Kurobe.Infrastructure.Persistence;
using Kurobe.Infrastructure.Plugins;
using Kurobe.Infrastructure.Postgres;
using Kurobe.Infrastructure.Security;
using Kurobe.Infrastructure.Semantic;
using Kurobe.Infrastructure.Sql;
using Kurobe.Infrastructure.Storage;
using Kurobe.Infrastructure.Trino;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Infrastructure;

public static class DependencyInjection
{
    public const string DataSourcesHealthCheckName = "data-sources";

    public static IServiceCollection AddKurobeInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DuckDbOptions>().BindConfiguration(DuckDbOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DuckDbFileOptions>().BindConfiguration(DuckDbFileOptions.SectionName);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.SectionName);

        // The metadata store first: its migrations run before the other hosted services start.
        services.AddKurobeMetadataStore(configuration);

        services.AddSingleton<SecretKeyRing>();
        services.AddSingleton<ISecretProtector, AesGcmSecretProtector>();

        services.AddSingleton<ConfiguredDataSources>();
        services.AddScoped<IDataSourceCatalog, DataSourceCatalog>();
        services.AddSingleton<IConnectionPolicy, ConnectionPolicy>();

        services.AddSingleton<DuckDbConnectionFactory>();
        services.AddSingleton<IDataSourceConnector, DuckDbConnector>();
        services.AddKurobePostgres();
        services.AddKurobeTrino();
        services.AddKurobeSqlGates();
        services.AddKurobeCaching(configuration);
        services.AddKurobePlugins();
        services.AddKurobeSemanticLayer(configuration);
        services.AddKurobeIdentity(configuration);

        services.AddSingleton<DemoDatabaseBuilder>();
        services.AddHostedService<DemoDataSourceInitializer>();
        services.AddHostedService<DataSourceHealthMonitor>();

        services.AddHealthChecks()
            .AddCheck<DataSourcesHealthCheck>(DataSourcesHealthCheckName, tags: ["ready"]);
        return services;
    }
}
