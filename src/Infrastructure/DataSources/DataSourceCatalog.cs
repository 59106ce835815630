using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>Every source: those declared in configuration, then those created through the API.</summary>
internal sealed class DataSourceCatalog(ConfiguredDataSources configured, IDataSourceStore store) : IDataSourceCatalog
{
    public async ValueTask<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken) =>
        [.. configured.All, .. await store.ListAsync(cancellationToken)];

    public async ValueTask<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken) =>
        configured.Find(id) ?? await store.FindAsync(id, cancellationToken);

    public async ValueTask<DataSource?> FindByNameAsync(DataSourceName name, CancellationToken cancellationToken) =>
        configured.All.FirstOrDefault(s => s.Name == name) ?? await store.FindByNameAsync(name, cancellationToken);

    public ValueTask<DataSource?> FindDefaultAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(configured.All.FirstOrDefault(s => s.IsDefault));
}
