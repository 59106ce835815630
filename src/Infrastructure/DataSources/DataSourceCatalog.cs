using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>
/// The caller's sources: those declared in configuration for its tenant, then those created through the API (the
/// store filters those to the tenant itself). Outside an authenticated operation there are none.
/// </summary>
internal sealed class DataSourceCatalog(ConfiguredDataSources configured, IDataSourceStore store, ICurrentPrincipal principal) : IDataSourceCatalog
{
    public async ValueTask<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken) =>
        [.. Configured(), .. await store.ListAsync(cancellationToken)];

    public async ValueTask<IReadOnlyList<DataSource>> ListForAllTenantsAsync(CancellationToken cancellationToken) =>
        [.. configured.All, .. await store.ListForAllTenantsAsync(cancellationToken)];

    public async ValueTask<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken) =>
        (configured.Find(id) is { } source && source.TenantId == Tenant ? source : null)
        ?? await store.FindAsync(id, cancellationToken);

    public async ValueTask<DataSource?> FindByNameAsync(DataSourceName name, CancellationToken cancellationToken) =>
        Configured().FirstOrDefault(s => s.Name == name) ?? await store.FindByNameAsync(name, cancellationToken);

    public ValueTask<DataSource?> FindDefaultAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Configured().FirstOrDefault(s => s.IsDefault));

    private TenantId? Tenant => principal.Current?.TenantId;

    private IEnumerable<DataSource> Configured() => configured.All.Where(s => s.TenantId == Tenant);
}
