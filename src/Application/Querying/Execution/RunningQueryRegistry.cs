using System.Collections.Concurrent;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Querying.Execution;

/// <summary>The queries this server is running now, so they can be listed and cancelled.</summary>
public sealed class RunningQueryRegistry(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Guid, RunningQuery> _queries = new();

    public RunningQuery Register(DataSource source, string sql, QueryMode mode)
    {
        var query = new RunningQuery(Guid.NewGuid(), source.Id, source.Name.Value, sql, mode, timeProvider.GetUtcNow(), this);
        _queries[query.Id] = query;
        return query;
    }

    public IReadOnlyList<RunningQuery> Snapshot() => [.. _queries.Values.OrderBy(q => q.StartedAt)];

    /// <summary>Asks a running query to stop; false when no query with that id is running.</summary>
    public bool TryCancel(Guid queryId)
    {
        if (!_queries.TryGetValue(queryId, out var query))
        {
            return false;
        }

        query.Cancel();
        return true;
    }

    internal void Remove(RunningQuery query) => _queries.TryRemove(query.Id, out _);
}

public enum QueryMode
{
    Run,
    Stream,
}

/// <summary>One query in flight. Disposing it removes it from the registry.</summary>
public sealed class RunningQuery : IDisposable
{
    private readonly RunningQueryRegistry _registry;
    private readonly CancellationTokenSource _cancellation = new();
    private long _rowsRead;

    internal RunningQuery(
        Guid id,
        DataSourceId dataSourceId,
        string dataSourceName,
        string sql,
        QueryMode mode,
        DateTimeOffset startedAt,
        RunningQueryRegistry registry)
    {
        Id = id;
        DataSourceId = dataSourceId;
        DataSourceName = dataSourceName;
        Sql = sql;
        Mode = mode;
        StartedAt = startedAt;
        _registry = registry;
    }

    public Guid Id { get; }

    public DataSourceId DataSourceId { get; }

    public string DataSourceName { get; }

    public string Sql { get; }

    public QueryMode Mode { get; }

    public DateTimeOffset StartedAt { get; }

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    /// <summary>Fires when someone cancels this query through the registry.</summary>
    public CancellationToken CancelledByRequest => _cancellation.Token;

    public bool WasCancelledByRequest => _cancellation.IsCancellationRequested;

    internal void AddRows(int rows) => Interlocked.Add(ref _rowsRead, rows);

    internal void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The query finished while the cancel request was on its way; there is nothing left to stop.
        }
    }

    public void Dispose()
    {
        _registry.Remove(this);
        _cancellation.Dispose();
    }
}
