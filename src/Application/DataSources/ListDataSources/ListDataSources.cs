using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Mediator;

namespace Kurobe.Application.DataSources.ListDataSources;

[RequiresRole(Role.Viewer)]
public sealed record ListDataSourcesQuery : IQuery<IReadOnlyList<DataSourceView>>;

public sealed class ListDataSourcesQueryHandler(IDataSourceCatalog catalog, DataSourceStatusBoard statuses)
    : IQueryHandler<ListDataSourcesQuery, IReadOnlyList<DataSourceView>>
{
    public async ValueTask<IReadOnlyList<DataSourceView>> Handle(ListDataSourcesQuery query, CancellationToken cancellationToken)
    {
        var sources = await catalog.ListAsync(cancellationToken);
        return
        [
            .. sources
                .OrderByDescending(s => s.IsDefault)
                .ThenBy(s => s.Name.Value, StringComparer.Ordinal)
                .Select(s => DataSourceView.From(s, statuses.StatusOf(s.Id))),
        ];
    }
}
