using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources.Ports;

/// <summary>The data sources created through the API, kept in the metadata store.</summary>
public interface IDataSourceStore
{
    Task<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every tenant's sources, for the server's own monitoring; never for a request.</summary>
    Task<IReadOnlyList<DataSource>> ListForAllTenantsAsync(CancellationToken cancellationToken);

    Task<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken);

    Task<DataSource?> FindByNameAsync(DataSourceName name, CancellationToken cancellationToken);

    /// <summary>Adds a source; throws <see cref="Common.Errors.ConflictException"/> when its name is taken.</summary>
    Task AddAsync(DataSource source, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed source; throws <see cref="Common.Errors.ConflictException"/> when its new name is taken or when
    /// someone else saved it since it was read, and <see cref="Common.Errors.NotFoundException"/> when it was deleted.
    /// </summary>
    Task UpdateAsync(DataSource source, CancellationToken cancellationToken);

    /// <summary>Deletes a source; false when there was none.</summary>
    Task<bool> RemoveAsync(DataSourceId id, CancellationToken cancellationToken);
}
