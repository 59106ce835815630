using System.Collections.Concurrent;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>The data sources declared in the server's configuration (the embedded demo among them), registered at start-up.</summary>
internal sealed class ConfiguredDataSources
{
    private readonly ConcurrentDictionary<DataSourceId, DataSource> _sources = new();

    public IReadOnlyCollection<DataSource> All => [.. _sources.Values];

    public void Register(DataSource source)
    {
        if (source.IsDefault && _sources.Values.Any(s => s.IsDefault && s.Id != source.Id))
        {
            throw new InvalidOperationException($"Data source '{source.Name}' cannot be the default: another source already is.");
        }

        _sources[source.Id] = source;
    }

    public DataSource? Find(DataSourceId id) => _sources.GetValueOrDefault(id);
}
