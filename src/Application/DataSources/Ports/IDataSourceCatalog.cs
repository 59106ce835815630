using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources.Ports;

/// <summary>The data sources of the calling tenant: those declared in configuration for it, and those created through the API.</summary>
public interface IDataSourceCatalog
{
    ValueTask<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every tenant's sources, for the server's own monitoring; never for a request.</summary>
    ValueTask<IReadOnlyList<DataSource>> ListForAllTenantsAsync(CancellationToken cancellationToken);

    ValueTask<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken);

    ValueTask<DataSource?> FindByNameAsync(DataSourceName name, CancellationToken cancellationToken);

    /// <summary>The source used when a request names none, if one is configured.</summary>
    ValueTask<DataSource?> FindDefaultAsync(CancellationToken cancellationToken);
}
