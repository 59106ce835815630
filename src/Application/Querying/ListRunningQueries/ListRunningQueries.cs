using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Querying.Execution;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.Querying.ListRunningQueries;

[RequiresRole(Role.Analyst)]
public sealed record ListRunningQueriesQuery : IQuery<IReadOnlyList<RunningQuerySummary>>;

public sealed record RunningQuerySummary(
    Guid Id,
    DataSourceId DataSourceId,
    string DataSourceName,
    string Sql,
    QueryMode Mode,
    DateTimeOffset StartedAt,
    double ElapsedMs,
    long RowsRead);

public sealed class ListRunningQueriesQueryHandler(RunningQueryRegistry registry, TimeProvider timeProvider)
    : IQueryHandler<ListRunningQueriesQuery, IReadOnlyList<RunningQuerySummary>>
{
    public ValueTask<IReadOnlyList<RunningQuerySummary>> Handle(ListRunningQueriesQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        IReadOnlyList<RunningQuerySummary> summaries =
        [
            .. registry.Snapshot().Select(q => new RunningQuerySummary(
                q.Id, q.DataSourceId, q.DataSourceName, q.Sql, q.Mode, q.StartedAt, (now - q.StartedAt).TotalMilliseconds, q.RowsRead)),
        ];
        return ValueTask.FromResult(summaries);
    }
}
