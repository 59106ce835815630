using DuckDB.NET.Data;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.DuckDb;

/// <summary>
/// Reads a streaming DuckDB result batch by batch. DuckDB produces rows only as they are fetched, so a consumer that
/// stops reading also stops the engine, and memory stays flat however large the result is.
/// </summary>
internal sealed class DuckDbQueryCursor : IQueryCursor
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;
    private readonly IReadOnlyList<DuckDbColumn> _columns;
    private bool _exhausted;

    private DuckDbQueryCursor(DuckDBConnection connection, DuckDBCommand command, DuckDBDataReader reader)
    {
        _connection = connection;
        _command = command;
        _reader = reader;
        _columns = DuckDbColumn.Describe(reader);
        Columns = [.. _columns.Select(c => c.Description)];
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public static async Task<DuckDbQueryCursor> OpenAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.UseStreamingMode = true;
        try
        {
            var reader = await InterruptibleAsync(command, () => command.ExecuteReader(), cancellationToken);
            return new DuckDbQueryCursor(connection, command, reader);
        }
        catch
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<RowBatch> ReadAsync(int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        if (_exhausted)
        {
            return RowBatch.Empty(_columns.Count, isLast: true);
        }

        return await InterruptibleAsync(_command, () => ReadBatch(maxRows), cancellationToken);
    }

    private RowBatch ReadBatch(int maxRows)
    {
        var columnCount = _columns.Count;
        var values = new object?[maxRows * columnCount];
        var rows = 0;
        while (rows < maxRows)
        {
            if (!_reader.Read())
            {
                _exhausted = true;
                break;
            }

            var offset = rows * columnCount;
            for (var c = 0; c < columnCount; c++)
            {
                values[offset + c] = _columns[c].Read(_reader, c);
            }

            rows++;
        }

        return new RowBatch(columnCount, values, rows, _exhausted);
    }

    /// <summary>
    /// Runs blocking DuckDB work off the request thread; the token interrupts the engine, which then fails the call.
    /// </summary>
    private static async Task<T> InterruptibleAsync<T>(DuckDBCommand command, Func<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var interrupt = cancellationToken.UnsafeRegister(static c => ((DuckDBCommand)c!).Cancel(), command);
        try
        {
            return await Task.Run(work, CancellationToken.None);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or DuckDBException)
        {
            throw new OperationCanceledException("The query was stopped.", exception, cancellationToken);
        }
        catch (DuckDBException exception)
        {
            throw new QueryFailedException(exception.Message, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_exhausted)
        {
            // The consumer stopped early: interrupt the engine rather than letting it finish work nobody waits for.
            _command.Cancel();
        }

        await _reader.DisposeAsync();
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
