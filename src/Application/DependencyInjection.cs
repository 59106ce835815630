using FluentValidation;
using Kurobe.Application.Asking;
using Kurobe.Application.DataSources;
using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Schema;
using Kurobe.Application.Engines;
using Kurobe.Application.Identity.Authentication;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Caching;
using Kurobe.Application.Querying.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Application;

public static class DependencyInjection
{
    /// <summary>Registers the application's services. Mediator itself is composed by the host (it is source-generated there).</summary>
    public static IServiceCollection AddKurobeApplication(this IServiceCollection services)
    {
        services.AddOptions<QueryOptions>()
            .BindConfiguration(QueryOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultMaxRows <= o.MaxRows, "Kurobe:Query:DefaultMaxRows must not exceed Kurobe:Query:MaxRows.")
            .Validate(o => o.DefaultTimeoutSeconds <= o.MaxTimeoutSeconds, "Kurobe:Query:DefaultTimeoutSeconds must not exceed Kurobe:Query:MaxTimeoutSeconds.")
            .ValidateOnStart();
        services.AddOptions<ResultCacheOptions>()
            .BindConfiguration(ResultCacheOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DataSourceOptions>().BindConfiguration(DataSourceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddValidatorsFromAssemblyContaining<QueryOptions>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton<RunningQueryRegistry>();
        services.AddSingleton<EngineCaller>();
        services.AddScoped<SqlExecutor>();
        services.AddSingleton<DataSourceStatusBoard>();
        services.AddSingleton<DataSourceSchemaCache>();
        services.AddScoped<DataSourceProbe>();
        services.AddScoped<DataSourceResources>();
        services.AddKurobeAsking();
        services.AddScoped<Authenticator>();
        services.TryAddSingletonTimeProvider();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
