using Kurobe.Application.Querying.Caching;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Querying.Ports;

/// <summary>
/// Results of <c>runQuery</c>, kept for a while so nobody waits twice for the same answer. Concurrent misses for
/// the same key run the query once. A cache that fails (Redis down or hung) degrades to running the query.
/// </summary>
public interface IQueryResultCache
{
    /// <summary>
    /// Returns the cached result for <paramref name="key"/>, or runs <paramref name="run"/>, caches what it returns for
    /// <paramref name="timeToLive"/> and returns it. <see cref="CacheLookup.Hit"/> is false only for the caller whose
    /// <paramref name="run"/> executed.
    /// </summary>
    ValueTask<CacheLookup> GetOrRunAsync(
        QueryCacheKey key,
        TimeSpan timeToLive,
        Func<CancellationToken, ValueTask<CachedQueryResult>> run,
        CancellationToken cancellationToken);

    /// <summary>Drops every cached result of a source.</summary>
    ValueTask InvalidateAsync(DataSourceId source, CancellationToken cancellationToken);
}
