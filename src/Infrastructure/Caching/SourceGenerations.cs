using Kurobe.Application.Querying.Caching;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Caching;

/// <summary>
/// A per-source generation, folded into every cache key, that invalidation replaces: entries of an older
/// generation are never looked up again, on any node, and expire on their own.
/// </summary>
/// <remarks>
/// HybridCache's <c>RemoveByTagAsync</c> writes the invalidation time to Redis, but each node reads a tag's time from
/// Redis only the first time it meets the tag and trusts its own copy from then on, so another node's later
/// invalidation never reaches it. The generation closes that gap: it lives in Redis, and a node re-reads it at most
/// every <see cref="CacheOptions.GenerationCheckMilliseconds"/>, which bounds how long another node's invalidation
/// goes unnoticed. While Redis is unreachable the last known generation is kept; an invalidation made then reaches
/// only this node (its L1, through the tag), which is the price of not depending on Redis.
/// </remarks>
internal sealed class SourceGenerations
{
    public const string Initial = "0";

    private readonly ConcurrentDictionary<DataSourceId, Known> _known = new();
    private readonly ResilientDistributedCache? _redis;
    private readonly TimeProvider _time;
    private readonly TimeSpan _checkInterval;
    private readonly DistributedCacheEntryOptions _generationLifetime;

    public SourceGenerations(IOptions<CacheOptions> options, IOptions<ResultCacheOptions> policy, TimeProvider time, ResilientDistributedCache? redis = null)
    {
        _redis = redis;
        _time = time;
        _checkInterval = TimeSpan.FromMilliseconds(options.Value.GenerationCheckMilliseconds);

        // A generation must outlive every entry written under the one before it.
        _generationLifetime = new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(policy.Value.MaxTtlSeconds) + TimeSpan.FromHours(1),
        };
    }

    public async ValueTask<string> CurrentAsync(DataSourceId source, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        var found = _known.TryGetValue(source, out var known);
        if (_redis is null)
        {
            return found ? known!.Generation : Initial;
        }

        if (found && _time.GetElapsedTime(known!.CheckedAt, now) < _checkInterval)
        {
            return known.Generation;
        }

        var (answered, value) = await _redis.TryGetAsync(KeyFor(source), cancellationToken).ConfigureAwait(false);
        if (!answered)
        {
            return found ? known!.Generation : Initial;
        }

        var generation = value is null ? Initial : Encoding.UTF8.GetString(value);
        _known[source] = new Known(generation, now);
        return generation;
    }

    public async ValueTask AdvanceAsync(DataSourceId source, CancellationToken cancellationToken)
    {
        var generation = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _known[source] = new Known(generation, _time.GetTimestamp());
        if (_redis is not null)
        {
            await _redis.SetAsync(KeyFor(source), Encoding.UTF8.GetBytes(generation), _generationLifetime, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string KeyFor(DataSourceId source) => $"generation:{source}";

    private sealed record Known(string Generation, long CheckedAt);
}
