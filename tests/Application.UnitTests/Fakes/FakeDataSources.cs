using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.UnitTests.Fakes;

internal sealed class FakeDataSources(params DataSource[] sources) : IDataSourceCatalog
{
    public static DataSource DuckDb(string name, bool isDefault = false) =>
        new(DataSourceId.ForConfiguredSource(DataSourceName.Create(name)), DataSourceName.Create(name), new DuckDbConnection($"/data/{name}.duckdb"), DataSourceOrigin.Configuration, DateTimeOffset.UnixEpoch, isDefault);

    public ValueTask<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<DataSource>>(sources);

    public ValueTask<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(sources.FirstOrDefault(s => s.Id == id));

    public ValueTask<DataSource?> FindDefaultAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(sources.FirstOrDefault(s => s.IsDefault));
}
