using Kurobe.Application.Querying.Caching;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Caching;

/// <summary>
/// <see cref="IQueryResultCache"/> on HybridCache: an in-process first level and, when configured, Redis as the
/// shared second level. HybridCache coalesces concurrent misses of one key, so a query runs once however many ask.
/// </summary>
/// <remarks>
/// Invalidation both removes the source's tag (immediate on this node) and advances the source's generation, which
/// is part of every key, so it reaches the other nodes too; see <see cref="SourceGenerations"/>.
/// A result whose rows exceed <see cref="CacheOptions.MaximumPayloadBytes"/> is known only after the query ran,
/// when HybridCache has already committed to caching; the factory then throws <see cref="OversizedResultException"/>
/// carrying the result, which nothing caches, and every caller waiting on that key gets the result from it.
/// HybridCache lets a deserialization error reach the caller; an entry this version cannot read (for example one
/// written by another version during a rolling upgrade) is therefore dropped here and the query runs instead.
/// </remarks>
internal sealed partial class HybridQueryResultCache(
    HybridCache cache,
    SourceGenerations generations,
    IOptions<CacheOptions> options,
    IOptions<ResultCacheOptions> policy,
    ILogger<HybridQueryResultCache> logger,
    RedisConnection? redis = null) : IQueryResultCache
{
    // QueryCacheKey values already start with this; Redis keys get the configured KeyPrefix instead.
    private const string KeyNamespace = "kurobe:";

    private readonly TimeSpan _maxTtl = TimeSpan.FromSeconds(policy.Value.MaxTtlSeconds);
    private readonly TimeSpan _localExpiration = TimeSpan.FromSeconds(options.Value.LocalCacheExpirationSeconds);
    private readonly int _maximumPayloadBytes = options.Value.MaximumPayloadBytes;

    public async ValueTask<CacheLookup> GetOrRunAsync(
        QueryCacheKey key,
        TimeSpan timeToLive,
        Func<CancellationToken, ValueTask<CachedQueryResult>> run,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(run);

        if (timeToLive <= TimeSpan.Zero)
        {
            return new CacheLookup(await run(cancellationToken).ConfigureAwait(false), Hit: false);
        }

        if (timeToLive > _maxTtl)
        {
            timeToLive = _maxTtl;
        }

        var generation = await generations.CurrentAsync(key.Source, cancellationToken).ConfigureAwait(false);
        var entryOptions = new HybridCacheEntryOptions
        {
            Expiration = timeToLive,
            // Without Redis the process holds the only copy: keep it as long as the result may be served.
            LocalCacheExpiration = redis is null || timeToLive < _localExpiration ? timeToLive : _localExpiration,
        };

        var entryKey = EntryKey(key, generation);
        var invocation = new Invocation(run, _maximumPayloadBytes);
        string[] tags = [key.Tag];
        try
        {
            return await LookupAsync(entryKey, invocation, entryOptions, tags, cancellationToken).ConfigureAwait(false);
        }
        catch (UnreadableCachedResultException exception)
        {
            LogUnreadableEntryDropped(logger, exception);
            await cache.RemoveAsync(entryKey, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await LookupAsync(entryKey, invocation, entryOptions, tags, cancellationToken).ConfigureAwait(false);
        }
        catch (UnreadableCachedResultException)
        {
            // Unreadable again (another node keeps writing an incompatible format): answer without the cache.
            return new CacheLookup(await run(cancellationToken).ConfigureAwait(false), Hit: false);
        }
    }

    private async ValueTask<CacheLookup> LookupAsync(
        string entryKey,
        Invocation invocation,
        HybridCacheEntryOptions entryOptions,
        string[] tags,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await cache.GetOrCreateAsync(
                entryKey,
                invocation,
                static (state, token) => state.RunAsync(token),
                entryOptions,
                tags,
                cancellationToken).ConfigureAwait(false);
            return new CacheLookup(result, Hit: !invocation.Ran);
        }
        catch (OversizedResultException oversized)
        {
            return new CacheLookup(oversized.Result, Hit: !invocation.Ran);
        }
    }

    public async ValueTask InvalidateAsync(DataSourceId source, CancellationToken cancellationToken)
    {
        await generations.AdvanceAsync(source, cancellationToken).ConfigureAwait(false);
        await cache.RemoveByTagAsync(QueryCacheKey.TagFor(source), cancellationToken).ConfigureAwait(false);
    }

    internal static string EntryKey(QueryCacheKey key, string generation)
    {
        var value = key.Value;
        var name = value.StartsWith(KeyNamespace, StringComparison.Ordinal) ? value.AsSpan(KeyNamespace.Length) : value.AsSpan();
        return string.Concat(name, ":g", generation);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "A cached query result could not be read (written by another version of Kurobe, or damaged); it was dropped and the query runs again")]
    private static partial void LogUnreadableEntryDropped(ILogger logger, Exception exception);

    private sealed class Invocation(Func<CancellationToken, ValueTask<CachedQueryResult>> run, int maximumPayloadBytes)
    {
        public bool Ran { get; private set; }

        public async ValueTask<CachedQueryResult> RunAsync(CancellationToken cancellationToken)
        {
            Ran = true;
            var result = await run(cancellationToken).ConfigureAwait(false);
            return result.RowsJson.Length > maximumPayloadBytes ? throw new OversizedResultException(result) : result;
        }
    }
}

/// <summary>Carries a result too large to cache past HybridCache, which caches whatever its factory returns.</summary>
#pragma warning disable CA1032, RCS1194 // Never thrown outside this cache; the standard constructors would be meaningless.
internal sealed class OversizedResultException(CachedQueryResult result)
    : Exception("The result is larger than Kurobe:Cache:MaximumPayloadBytes and is not cached.")
#pragma warning restore CA1032, RCS1194
{
    public CachedQueryResult Result { get; } = result;
}
