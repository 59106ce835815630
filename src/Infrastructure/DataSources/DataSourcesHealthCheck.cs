using Kurobe.Application.DataSources.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>Ready when every registered data source answers a trivial query within a few seconds.</summary>
internal sealed class DataSourcesHealthCheck(IDataSourceCatalog catalog, IEnumerable<IDataSourceConnector> runners) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sources = await catalog.ListAsync(cancellationToken);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failing = new List<string>();
        foreach (var source in sources)
        {
            var runner = runners.FirstOrDefault(r => r.Kind == source.Kind);
            var healthy = runner is not null && await AnswersAsync(runner, source, cancellationToken);
            data[source.Name.Value] = healthy ? "Healthy" : "Unhealthy";
            if (!healthy)
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
            : new HealthCheckResult(context.Registration.FailureStatus, $"Not answering: {string.Join(", ", failing)}.", data: data);
    }

    private static async Task<bool> AnswersAsync(IDataSourceConnector runner, Domain.DataSources.DataSource source, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await runner.PingAsync(source, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
