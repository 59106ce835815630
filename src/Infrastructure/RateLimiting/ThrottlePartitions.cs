using Kurobe.Application.Common.Security;

namespace Kurobe.Infrastructure.RateLimiting;

/// <summary>A counter and its limit.</summary>
internal readonly record struct ThrottlePartition(string Key, RateLimitWindow Limit);

/// <summary>Which counters a request counts against.</summary>
internal static class ThrottlePartitions
{
    public static ThrottlePartition[] For(Principal? principal, string? clientAddress, RateLimitOptions options) =>
        principal is null
            ? [new($"anon:{clientAddress ?? "unknown"}", options.PerAnonymousClient)]
            :
            [
                new($"principal:{principal.TenantId}:{principal.Kind}:{principal.Id}", options.PerPrincipal),
                new($"tenant:{principal.TenantId}", options.PerTenant),
            ];
}
