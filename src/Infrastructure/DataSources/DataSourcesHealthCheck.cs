using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>
/// Reports every source from the monitor's latest checks (checking now those never checked). An unreachable source
/// degrades only the queries that use it, so it makes the server Degraded, not unready.
/// </summary>
internal sealed class DataSourcesHealthCheck(IServiceScopeFactory scopes, DataSourceStatusBoard board) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sources = await scope.ServiceProvider.GetRequiredService<IDataSourceCatalog>().ListAsync(cancellationToken);
        var probe = scope.ServiceProvider.GetRequiredService<DataSourceProbe>();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failing = new List<string>();
        foreach (var source in sources)
        {
            var status = board.StatusOf(source.Id);
            if (status.Health == DataSourceHealth.Unknown)
            {
                status = await probe.CheckAsync(source, cancellationToken);
            }

            data[source.Name.Value] = status.Health.ToString();
            if (status.Health != DataSourceHealth.Healthy)
            {
                failing.Add(source.Name.Value);
            }
        }

        if (sources.Count == 0)
        {
            return HealthCheckResult.Degraded("No data sources are registered.", data: data);
        }

        return failing.Count == 0
            ? HealthCheckResult.Healthy($"{sources.Count} data source(s) answer.", data)
            : HealthCheckResult.Degraded($"Not answering: {string.Join(", ", failing)}.", data: data);
    }
}
