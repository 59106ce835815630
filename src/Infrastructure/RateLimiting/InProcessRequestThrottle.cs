using System.Threading.RateLimiting;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.RateLimiting;

/// <summary>Fixed-window limits kept in this process (System.Threading.RateLimiting, one limiter per partition).</summary>
internal sealed class InProcessRequestThrottle : IRequestThrottle, IDisposable
{
    private readonly IOptions<RateLimitOptions> _options;
    private readonly PartitionedRateLimiter<ThrottlePartition> _limiter;

    public InProcessRequestThrottle(IOptions<RateLimitOptions> options)
    {
        _options = options;
        _limiter = PartitionedRateLimiter.Create<ThrottlePartition, string>(partition =>
            RateLimitPartition.GetFixedWindowLimiter(partition.Key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = partition.Limit.PermitLimit,
                Window = partition.Limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public ValueTask<ThrottleDecision> AcquireAsync(Principal? principal, string? clientAddress, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        return ValueTask.FromResult(options.Enabled ? Acquire(ThrottlePartitions.For(principal, clientAddress, options)) : ThrottleDecision.Allow);
    }

    /// <summary>Counts the request against every partition; refused by the first that is exhausted.</summary>
    public ThrottleDecision Acquire(IEnumerable<ThrottlePartition> partitions)
    {
        foreach (var partition in partitions)
        {
            using var lease = _limiter.AttemptAcquire(partition);
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : partition.Limit.Window;
                return ThrottleDecision.Deny(retryAfter);
            }
        }

        return ThrottleDecision.Allow;
    }

    public void Dispose() => _limiter.Dispose();
}
