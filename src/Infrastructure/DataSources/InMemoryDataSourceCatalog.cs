using System.Collections.Concurrent;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>The data sources this server registered at start-up (the embedded demo among them).</summary>
internal sealed class InMemoryDataSourceCatalog : IDataSourceCatalog
{
    private readonly ConcurrentDictionary<DataSourceId, DataSource> _sources = new();

    public void Register(DataSource source)
    {
        if (source.IsDefault && _sources.Values.Any(s => s.IsDefault && s.Id != source.Id))
        {
            throw new InvalidOperationException($"Data source '{source.Name}' cannot be the default: another source already is.");
        }

        _sources[source.Id] = source;
    }

    public ValueTask<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<DataSource>>([.. _sources.Values]);

    public ValueTask<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sources.GetValueOrDefault(id));

    public ValueTask<DataSource?> FindDefaultAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sources.Values.FirstOrDefault(s => s.IsDefault));
}
