using Kurobe.Application.DataSources.Ports;
using Mediator;

namespace Kurobe.Application.DataSources.ListDataSources;

public sealed record ListDataSourcesQuery : IQuery<IReadOnlyList<DataSourceSummary>>;

public sealed class ListDataSourcesQueryHandler(IDataSourceCatalog catalog)
    : IQueryHandler<ListDataSourcesQuery, IReadOnlyList<DataSourceSummary>>
{
    public async ValueTask<IReadOnlyList<DataSourceSummary>> Handle(ListDataSourcesQuery query, CancellationToken cancellationToken)
    {
        var sources = await catalog.ListAsync(cancellationToken);
        return [.. sources.OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name.Value, StringComparer.Ordinal).Select(DataSourceSummary.From)];
    }
}
