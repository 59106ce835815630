using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.DataSources.GetDataSource;

/// <summary>One source, or null when there is none with the id.</summary>
[RequiresRole(Role.Viewer)]
public sealed record GetDataSourceQuery(DataSourceId Id) : IQuery<DataSourceView?>;

public sealed class GetDataSourceQueryHandler(IDataSourceCatalog catalog, DataSourceStatusBoard statuses)
    : IQueryHandler<GetDataSourceQuery, DataSourceView?>
{
    public async ValueTask<DataSourceView?> Handle(GetDataSourceQuery query, CancellationToken cancellationToken) =>
        await catalog.FindAsync(query.Id, cancellationToken) is { } source
            ? DataSourceView.From(source, statuses.StatusOf(source.Id))
            : null;
}
