using Kurobe.Application.Querying.Execution;
using Kurobe.Domain.DataSources;
using Mediator;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Querying.RunSql;

/// <summary>Runs SQL and returns the whole result, up to <see cref="MaxRows"/> rows.</summary>
public sealed record RunSqlQuery(DataSourceId? DataSourceId, string Sql, int? MaxRows, int? TimeoutSeconds)
    : IQuery<QueryResult>, ISqlRequest;

public sealed class RunSqlQueryValidator(IOptions<QueryOptions> options)
    : SqlRequestValidator<RunSqlQuery>(options, options.Value.MaxRows, "; use queryStream for larger results");

public sealed class RunSqlQueryHandler(SqlExecutor executor, IOptions<QueryOptions> options, TimeProvider timeProvider)
    : IQueryHandler<RunSqlQuery, QueryResult>
{
    public async ValueTask<QueryResult> Handle(RunSqlQuery query, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        long maxRows = query.MaxRows ?? options.Value.DefaultMaxRows;
        await using var execution = await executor.StartAsync(query, QueryMode.Run, cancellationToken);

        var batches = new List<RowBatch>();
        var rowCount = 0L;
        var truncated = false;
        while (true)
        {
            // Asking for one row past the limit tells a result that fits exactly from one that was cut short.
            var wanted = (int)Math.Min(options.Value.BatchRows, maxRows + 1 - rowCount);
            var batch = await execution.ReadAsync(wanted);
            if (rowCount + batch.RowCount > maxRows)
            {
                batch = batch.Take((int)(maxRows - rowCount));
                truncated = true;
            }

            if (batch.RowCount > 0)
            {
                batches.Add(batch);
                rowCount += batch.RowCount;
            }

            if (truncated || batch.IsLast)
            {
                break;
            }
        }

        return new QueryResult(
            execution.Source.Id,
            execution.Columns,
            new RowSet(batches),
            rowCount,
            truncated,
            timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }
}
