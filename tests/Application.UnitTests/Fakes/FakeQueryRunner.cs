using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.UnitTests.Fakes;

/// <summary>A query runner over a fixed number of rows (one INTEGER column counting from 0), with optional delays.</summary>
internal sealed class FakeQueryRunner(long rows) : IQueryRunner
{
    public DataSourceKind Kind => DataSourceKind.DuckDb;

    public long Rows { get; } = rows;

    public List<int> RequestedBatchSizes { get; } = [];

    public List<string> Statements { get; } = [];

    public int OpenCursors { get; private set; }

    /// <summary>Each read waits this long (observing cancellation), like a slow engine.</summary>
    public TimeSpan ReadDelay { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public Task<IQueryCursor> OpenAsync(DataSource source, string sql, CancellationToken cancellationToken)
    {
        Statements.Add(sql);
        OpenCursors++;
        return Task.FromResult<IQueryCursor>(new Cursor(this));
    }

    private sealed class Cursor(FakeQueryRunner runner) : IQueryCursor
    {
        private long _next;

        public IReadOnlyList<ResultColumn> Columns { get; } = [new ResultColumn("n", "INTEGER", ValueKind.Integer)];

        public async ValueTask<RowBatch> ReadAsync(int maxRows, CancellationToken cancellationToken)
        {
            runner.RequestedBatchSizes.Add(maxRows);
            if (runner.ReadDelay > TimeSpan.Zero)
            {
                await Task.Delay(runner.ReadDelay, runner.TimeProvider, cancellationToken);
            }

            var count = (int)Math.Min(maxRows, runner.Rows - _next);
            var values = new object?[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (int)_next++;
            }

            return new RowBatch(1, values, count, isLast: _next == runner.Rows);
        }

        public ValueTask DisposeAsync()
        {
            runner.OpenCursors--;
            return ValueTask.CompletedTask;
        }
    }
}
