using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using System.Runtime.CompilerServices;
using Kurobe.Application.Querying.Execution;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Mediator;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Querying.StreamSql;

/// <summary>Runs SQL and streams its rows in batches, reading from the engine only as fast as the consumer takes them.</summary>
[RequiresRole(Role.Analyst)]
public sealed record StreamSqlQuery(DataSourceId? DataSourceId, string Sql, int? MaxRows, int? TimeoutSeconds)
    : IStreamQuery<QueryStreamEvent>, ISqlRequest;

/// <summary>One step of a streamed result.</summary>
/// <param name="Columns">The result's columns, on the first event only.</param>
/// <param name="Rows">The rows of this batch; empty on a closing event that only reports the totals.</param>
/// <param name="RowCount">Rows streamed so far, this batch included; the total when <paramref name="Done"/>.</param>
/// <param name="Done">True on the last event.</param>
/// <param name="Truncated">True on the last event when the query had more rows than <c>maxRows</c> allowed.</param>
/// <param name="DurationMs">Time since the query started.</param>
public sealed record QueryStreamEvent(
    IReadOnlyList<ResultColumn>? Columns,
    RowBatch Rows,
    long RowCount,
    bool Done,
    bool Truncated,
    double DurationMs);

public sealed class StreamSqlQueryValidator(IOptions<QueryOptions> options)
    : SqlRequestValidator<StreamSqlQuery>(options, options.Value.MaxStreamRows);

public sealed class StreamSqlQueryHandler(SqlExecutor executor, IOptions<QueryOptions> options, TimeProvider timeProvider)
    : IStreamQueryHandler<StreamSqlQuery, QueryStreamEvent>
{
    public async IAsyncEnumerable<QueryStreamEvent> Handle(
        StreamSqlQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var limits = options.Value;
        long maxRows = query.MaxRows ?? limits.MaxStreamRows;
        var prepared = await executor.PrepareAsync(query, cancellationToken);
        await using var execution = await executor.StartAsync(prepared, QueryMode.Stream, cancellationToken);

        IReadOnlyList<ResultColumn>? columns = execution.Columns;
        var batchRows = Math.Min(limits.FirstBatchRows, limits.BatchRows);
        var rowCount = 0L;
        while (true)
        {
            var wanted = (int)Math.Min(batchRows, maxRows + 1 - rowCount);
            var batch = await execution.ReadAsync(wanted);
            var truncated = rowCount + batch.RowCount > maxRows;
            if (truncated)
            {
                batch = batch.Take((int)(maxRows - rowCount));
            }

            rowCount += batch.RowCount;
            var done = truncated || batch.IsLast;
            yield return new QueryStreamEvent(columns, batch, rowCount, done, truncated, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            if (done)
            {
                yield break;
            }

            columns = null;
            // Batches grow from small to full size: the first rows arrive fast, the bulk arrives in few messages.
            batchRows = Math.Min(batchRows * 2, limits.BatchRows);
        }
    }
}
