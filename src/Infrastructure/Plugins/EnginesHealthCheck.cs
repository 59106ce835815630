using Kurobe.Application.Engines.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kurobe.Infrastructure.Plugins;

/// <summary>Healthy when every configured engine profile answers; Degraded otherwise, since only the features using it stop.</summary>
internal sealed class EnginesHealthCheck(IEngineRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = registry.Statuses;
        var data = statuses.ToDictionary(
            s => $"{EnginesConfiguration.KindName(s.Kind)}/{s.Profile}",
            s => (object)(s.LastError is null ? s.State.ToString() : $"{s.State}: {s.LastError}"),
            StringComparer.Ordinal);
        var notReady = statuses.Where(s => s.State != EngineState.Ready).Select(s => $"{EnginesConfiguration.KindName(s.Kind)}/{s.Profile}").ToList();
        return Task.FromResult(notReady.Count == 0
            ? HealthCheckResult.Healthy($"{statuses.Count} engine profile(s) ready.", data)
            : HealthCheckResult.Degraded($"Not ready: {string.Join(", ", notReady)}.", data: data));
    }
}
