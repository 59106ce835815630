using System.Collections.Concurrent;
using Kurobe.Application.Querying.Caching;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.UnitTests.Fakes;

/// <summary>An in-memory result cache that records the keys and time-to-lives it was asked for.</summary>
internal sealed class FakeResultCache : IQueryResultCache
{
    private readonly ConcurrentDictionary<string, CachedQueryResult> _entries = new();

    public List<(QueryCacheKey Key, TimeSpan TimeToLive)> Requests { get; } = [];

    public async ValueTask<CacheLookup> GetOrRunAsync(
        QueryCacheKey key,
        TimeSpan timeToLive,
        Func<CancellationToken, ValueTask<CachedQueryResult>> run,
        CancellationToken cancellationToken)
    {
        Requests.Add((key, timeToLive));
        if (_entries.TryGetValue(key.Value, out var cached))
        {
            return new CacheLookup(cached, Hit: true);
        }

        var result = await run(cancellationToken);
        _entries[key.Value] = result;
        return new CacheLookup(result, Hit: false);
    }

    public ValueTask InvalidateAsync(DataSourceId source, CancellationToken cancellationToken)
    {
        foreach (var key in _entries.Keys.Where(k => k.Contains(source.ToString(), StringComparison.Ordinal)))
        {
            _entries.TryRemove(key, out _);
        }

        return ValueTask.CompletedTask;
    }
}
