using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Infrastructure.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kurobe.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window limits shared by every node through Redis: one counter per partition, incremented and given its
/// expiry by one Lua script (atomic, one round trip). Redis never fails a request: when it is not connected, slow or
/// failing, the node counts in process (<see cref="InProcessRequestThrottle"/>) and tries Redis again a few seconds later.
/// </summary>
internal sealed partial class RedisRequestThrottle(
    RedisConnection connection,
    InProcessRequestThrottle fallback,
    IOptions<RateLimitOptions> options,
    IOptions<CacheOptions> cache,
    TimeProvider timeProvider,
    ILogger<RedisRequestThrottle> logger) : IRequestThrottle
{
    private static readonly LuaScript Script = LuaScript.Prepare(
        """
        local count = redis.call('INCR', @key)
        if count == 1 then redis.call('PEXPIRE', @key, @windowMs) end
        local ttl = redis.call('PTTL', @key)
        if ttl < 0 then redis.call('PEXPIRE', @key, @windowMs) ttl = tonumber(@windowMs) end
        return { count, ttl }
        """);

    private long _skipUntilTicks;

    public async ValueTask<ThrottleDecision> AcquireAsync(Principal? principal, string? clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return ThrottleDecision.Allow;
        }

        var partitions = ThrottlePartitions.For(principal, clientAddress, settings);
        connection.Start();
        if (!connection.IsConnected || timeProvider.GetUtcNow().UtcTicks < Interlocked.Read(ref _skipUntilTicks))
        {
            return fallback.Acquire(partitions);
        }

        try
        {
            var database = (await connection.GetAsync()).GetDatabase();
            var timeout = TimeSpan.FromMilliseconds(cache.Value.RedisOperationTimeoutMilliseconds);
            foreach (var partition in partitions)
            {
                var evaluation = Script.EvaluateAsync(database, new
                {
                    key = (RedisKey)$"{cache.Value.KeyPrefix}ratelimit:{partition.Key}",
                    windowMs = (long)partition.Limit.Window.TotalMilliseconds,
                });
                var result = (RedisResult[])(await evaluation.WaitAsync(timeout, timeProvider, cancellationToken))!;
                var count = (long)result[0];
                if (count > partition.Limit.PermitLimit)
                {
                    return ThrottleDecision.Deny(TimeSpan.FromMilliseconds(Math.Max(1, (long)result[1])));
                }
            }

            return ThrottleDecision.Allow;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or InvalidCastException)
        {
            var retry = TimeSpan.FromSeconds(cache.Value.RedisRetryAfterSeconds);
            Interlocked.Exchange(ref _skipUntilTicks, (timeProvider.GetUtcNow() + retry).UtcTicks);
            LogRedisFailed(logger, retry, exception);
            return fallback.Acquire(partitions);
        }
    }

    [LoggerMessage(EventId = 4430, Level = LogLevel.Warning,
        Message = "Rate limits: Redis failed; counting in this process for {RetryAfter}")]
    private static partial void LogRedisFailed(ILogger logger, TimeSpan retryAfter, Exception exception);
}
