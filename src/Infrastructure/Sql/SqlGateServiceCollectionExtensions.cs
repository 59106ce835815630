using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Infrastructure.Sql;

public static class SqlGateServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="ISqlStatementGate"/> per engine kind; callers pick the one whose Kind matches.</summary>
    public static IServiceCollection AddKurobeSqlGates(this IServiceCollection services)
    {
        services.AddSingleton<DuckDbStatementGate>();
        services.AddSingleton<ISqlStatementGate>(sp => new RememberingStatementGate(sp.GetRequiredService<DuckDbStatementGate>()));
        services.AddSingleton<ISqlStatementGate>(_ => new RememberingStatementGate(new TokenStatementGate(DataSourceKind.Postgres)));
        services.AddSingleton<ISqlStatementGate>(_ => new RememberingStatementGate(new TokenStatementGate(DataSourceKind.Trino)));
        return services;
    }
}
