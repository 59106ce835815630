using Kurobe.Application.DataSources.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kurobe.Infrastructure.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL connector and its validated <see cref="PostgresOptions"/>.</summary>
    public static IServiceCollection AddKurobePostgres(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDataSourceConnector, PostgresConnector>();
        return services;
    }
}
