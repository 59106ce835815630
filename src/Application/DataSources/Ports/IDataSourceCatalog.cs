using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources.Ports;

/// <summary>The data sources Kurobe knows about.</summary>
public interface IDataSourceCatalog
{
    ValueTask<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken);

    ValueTask<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken);

    ValueTask<DataSource?> FindByNameAsync(DataSourceName name, CancellationToken cancellationToken);

    /// <summary>The source used when a request names none, if one is configured.</summary>
    ValueTask<DataSource?> FindDefaultAsync(CancellationToken cancellationToken);
}
