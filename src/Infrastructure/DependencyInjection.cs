using Kurobe.Application.DataSources.Ports;
using Kurobe.Infrastructure.DataSources;
using Kurobe.Infrastructure.Demo;
using Kurobe.Infrastructure.DuckDb;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Infrastructure;

public static class DependencyInjection
{
    public const string DataSourcesHealthCheckName = "data-sources";

    public static IServiceCollection AddKurobeInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DuckDbOptions>().BindConfiguration(DuckDbOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<InMemoryDataSourceCatalog>();
        services.AddSingleton<IDataSourceCatalog>(sp => sp.GetRequiredService<InMemoryDataSourceCatalog>());

        services.AddSingleton<DuckDbConnectionFactory>();
        services.AddSingleton<IDataSourceConnector, DuckDbConnector>();

        services.AddSingleton<DemoDatabaseBuilder>();
        services.AddHostedService<DemoDataSourceInitializer>();

        services.AddHealthChecks()
            .AddCheck<DataSourcesHealthCheck>(DataSourcesHealthCheckName, tags: ["ready"]);
        return services;
    }
}
