using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.UnitTests.Fakes;

internal sealed class FakeDataSources(params DataSource[] sources) : IDataSourceCatalog
{
    public static DataSource DuckDb(string name, bool isDefault = false, DataSourceLimits? limits = null)
    {
        if (limits is null)
        {
            return new(TenantId.Default, DataSourceId.ForConfiguredSource(DataSourceName.Create(name)), DataSourceName.Create(name), new DuckDbConnection($"/data/{name}.duckdb"), DataSourceOrigin.Configuration, DateTimeOffset.UnixEpoch, isDefault);
        }

        var source = DataSource.Restore(TenantId.Default,
            new DataSourceId(Guid.NewGuid()), DataSourceName.Create(name), new DuckDbConnection($"/data/{name}.duckdb"), null, limits, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
        return isDefault ? throw new ArgumentException("Stored sources cannot be the default.", nameof(isDefault)) : source;
    }

    public ValueTask<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<DataSource>>(sources);

    public ValueTask<IReadOnlyList<DataSource>> ListForAllTenantsAsync(CancellationToken cancellationToken) => ListAsync(cancellationToken);

    public ValueTask<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(sources.FirstOrDefault(s => s.Id == id));

    public ValueTask<DataSource?> FindByNameAsync(DataSourceName name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(sources.FirstOrDefault(s => s.Name == name));

    public ValueTask<DataSource?> FindDefaultAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(sources.FirstOrDefault(s => s.IsDefault));
}
