using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kurobe.Infrastructure.Caching;

/// <summary>
/// Healthy when Redis is not configured or answers; Degraded (still ready: queries run and results are cached in
/// process) while it does not.
/// </summary>
internal sealed class RedisCacheHealthCheck(ResilientDistributedCache? redis = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis is null)
        {
            return HealthCheckResult.Healthy("Redis is not configured; results are cached in process only.");
        }

        await redis.ProbeAsync(cancellationToken).ConfigureAwait(false);
        return redis.State switch
        {
            RedisCacheState.Available => HealthCheckResult.Healthy("Redis answers; results are shared between nodes."),
            RedisCacheState.Connecting => HealthCheckResult.Degraded("Connecting to Redis; results are cached in process only until it answers."),
            _ => HealthCheckResult.Degraded("Redis is unreachable; results are cached in process only."),
        };
    }
}
