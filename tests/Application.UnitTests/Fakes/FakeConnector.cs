using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.UnitTests.Fakes;

/// <summary>A query runner over a fixed number of rows (one INTEGER column counting from 0), with optional delays.</summary>
internal sealed class FakeConnector(long rows) : IDataSourceConnector
{
    public DataSourceKind Kind => DataSourceKind.DuckDb;

    public long Rows { get; } = rows;

    public List<int> RequestedBatchSizes { get; } = [];

    public List<string> Statements { get; } = [];

    public int OpenCursors { get; private set; }

    /// <summary>Each read waits this long (observing cancellation), like a slow engine.</summary>
    public TimeSpan ReadDelay { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public List<EngineLimits> Limits { get; } = [];

    public Task<IQueryCursor> OpenAsync(DataSource source, string sql, EngineLimits limits, CancellationToken cancellationToken)
    {
        Limits.Add(limits);
        Statements.Add(sql);
        OpenCursors++;
        return Task.FromResult<IQueryCursor>(new Cursor(this));
    }

    public Task<DatabaseSchema> ReadSchemaAsync(DataSource source, CancellationToken cancellationToken) =>
        Task.FromResult(new DatabaseSchema([new TableSchema("main", "numbers", false, Rows, null, [new ColumnSchema("n", "INTEGER", ValueKind.Integer, false, null)])]));

    public Task<string?> PingAsync(DataSource source, CancellationToken cancellationToken) => Task.FromResult<string?>("Fake 1.0");

    public ValueTask ReleaseAsync(DataSourceId id) => ValueTask.CompletedTask;

    private sealed class Cursor(FakeConnector runner) : IQueryCursor
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
