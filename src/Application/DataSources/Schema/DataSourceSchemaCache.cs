using System.Collections.Concurrent;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.DataSources.Schema;

/// <summary>
/// Schemas read from engines, kept in memory per source revision for <see cref="DataSourceOptions.SchemaCacheMinutes"/>.
/// Concurrent readers of a missing schema share one read.
/// </summary>
public sealed class DataSourceSchemaCache(
    IEnumerable<IDataSourceConnector> connectors,
    IOptions<DataSourceOptions> options,
    TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<(DataSourceId, int), Lazy<Task<SchemaSnapshot>>> _entries = new();

    public async Task<SchemaSnapshot> GetAsync(DataSource source, bool refresh, CancellationToken cancellationToken)
    {
        var key = (source.Id, source.Revision);
        while (true)
        {
            var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<SchemaSnapshot>>(() => ReadAsync(source)));
            SchemaSnapshot snapshot;
            try
            {
                snapshot = await entry.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }

            var stale = refresh || timeProvider.GetUtcNow() - snapshot.ReadAt > TimeSpan.FromMinutes(options.Value.SchemaCacheMinutes);
            if (!stale || !_entries.TryRemove(KeyValuePair.Create(key, entry)))
            {
                return snapshot;
            }

            refresh = false;
        }
    }

    public void Forget(DataSourceId id)
    {
        foreach (var key in _entries.Keys.Where(k => k.Item1 == id))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private async Task<SchemaSnapshot> ReadAsync(DataSource source)
    {
        var connector = connectors.FirstOrDefault(c => c.Kind == source.Kind)
            ?? throw new DataSourceUnavailableException($"This server cannot connect to {source.Kind} data sources.");
        // Not tied to one caller's cancellation: the read is shared by everyone waiting for it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), timeProvider);
        var schema = await connector.ReadSchemaAsync(source, timeout.Token);
        return new SchemaSnapshot(schema, timeProvider.GetUtcNow());
    }
}
