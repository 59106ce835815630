using System.Globalization;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Plugins.Abstractions;
using Npgsql;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>
/// One query in its own read-only transaction on a pooled connection, read batch by batch. The transaction is always
/// rolled back, which also undoes any setting the query changed (<c>set_config(..., false)</c>, <c>SET ROLE</c>), and
/// the connection goes back to the pool as soon as the result ends or the cursor is disposed. Disposing before the
/// end cancels the query on the server first, because Npgsql otherwise reads every remaining row to free the
/// connection.
/// </summary>
internal sealed class PostgresQueryCursor : IQueryCursor
{
    private readonly PostgresQuery _query;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly NpgsqlBatch _batch;
    private readonly NpgsqlDataReader _reader;
    private readonly IReadOnlyList<PostgresColumn> _columns;
    private bool _exhausted;
    private bool _finished;

    private PostgresQueryCursor(PostgresQuery query, NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBatch batch, NpgsqlDataReader reader)
    {
        _query = query;
        _connection = connection;
        _transaction = transaction;
        _batch = batch;
        _reader = reader;
        _columns = PostgresColumn.Describe(reader);
        Columns = [.. _columns.Select(c => c.Description)];
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public static async Task<PostgresQueryCursor> OpenAsync(NpgsqlDataSource dataSource, string sql, PostgresQuery query, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        NpgsqlBatch? batch = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SetUpAsync(connection, transaction, query, cancellationToken);

            batch = new NpgsqlBatch(connection, transaction) { Timeout = query.ClientTimeoutSeconds };
            // A batch command is sent as one statement, never split at semicolons: "COMMIT; DELETE ..." fails in
            // PostgreSQL's parser instead of ending the read-only transaction.
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
            var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return new PostgresQueryCursor(query, connection, transaction, batch, reader);
        }
        catch (Exception exception)
        {
            await CloseQuietlyAsync(null, transaction, batch, connection);
            var translated = query.Translate(exception, cancellationToken);
            if (ReferenceEquals(translated, exception))
            {
                throw;
            }

            throw translated;
        }
    }

    /// <summary>
    /// Makes the transaction read-only and sets its time limits. The <c>SELECT</c> takes the transaction's first
    /// snapshot, after which PostgreSQL refuses <c>SET TRANSACTION READ WRITE</c>.
    /// </summary>
    private static async Task SetUpAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresQuery query, CancellationToken cancellationToken)
    {
        var milliseconds = ((long)Math.Ceiling(query.StatementTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        await using var setup = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SET TRANSACTION READ ONLY"),
                new NpgsqlBatchCommand(
                    $"SELECT set_config('statement_timeout', '{milliseconds}', true), set_config('idle_in_transaction_session_timeout', '{milliseconds}', true)"),
            },
        };
        await setup.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<RowBatch> ReadAsync(int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        if (_exhausted)
        {
            return RowBatch.Empty(_columns.Count, isLast: true);
        }

        var columnCount = _columns.Count;
        var values = new object?[maxRows * columnCount];
        var rows = 0;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (rows < maxRows)
            {
                if (!await _reader.ReadAsync(cancellationToken))
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
        }
        catch (Exception exception) when (exception is OperationCanceledException || PostgresErrors.IsTranslatable(exception))
        {
            if (exception is OperationCanceledException)
            {
                // The token may have fired while rows were already buffered, before Npgsql had a wait to cancel.
                CancelOnServer();
            }

            var translated = _query.Translate(exception, cancellationToken);
            if (ReferenceEquals(translated, exception))
            {
                throw;
            }

            throw translated;
        }

        if (_exhausted)
        {
            // The connection goes back to the pool now rather than when the consumer gets round to disposing.
            await FinishAsync();
        }

        return new RowBatch(columnCount, values, rows, _exhausted);
    }

    public ValueTask DisposeAsync() => FinishAsync();

    private async ValueTask FinishAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (!_exhausted)
        {
            CancelOnServer();
        }

        await CloseQuietlyAsync(_reader, _transaction, _batch, _connection);
    }

    private void CancelOnServer()
    {
        try
        {
            _batch.Cancel();
        }
        catch (Exception exception) when (PostgresErrors.IsTranslatable(exception) || exception is InvalidOperationException)
        {
            // The query already ended or the connection broke; closing below handles either.
        }
    }

    /// <summary>
    /// Ends the query, rolls back and returns the connection. Errors here (the cancelled query's own error, a broken
    /// connection) change nothing for the consumer: a broken connection is dropped from the pool when disposed.
    /// </summary>
    private static async ValueTask CloseQuietlyAsync(NpgsqlDataReader? reader, NpgsqlTransaction? transaction, NpgsqlBatch? batch, NpgsqlConnection? connection)
    {
        if (reader is not null)
        {
            await QuietlyAsync(reader.DisposeAsync);
        }

        if (transaction is not null)
        {
            await QuietlyAsync(() => new ValueTask(transaction.RollbackAsync(CancellationToken.None)));
            await QuietlyAsync(transaction.DisposeAsync);
        }

        if (batch is not null)
        {
            await QuietlyAsync(batch.DisposeAsync);
        }

        if (connection is not null)
        {
            await QuietlyAsync(connection.DisposeAsync);
        }
    }

    private static async ValueTask QuietlyAsync(Func<ValueTask> close)
    {
        try
        {
            await close();
        }
        catch (Exception exception) when (PostgresErrors.IsTranslatable(exception) || exception is InvalidOperationException or OperationCanceledException)
        {
        }
    }
}

/// <summary>What a query's errors are translated against: its source, budget and start.</summary>
internal sealed record PostgresQuery(string SourceName, EngineLimits Limits, TimeSpan StatementTimeout, int ClientTimeoutSeconds, TimeProvider Time, long StartedAt)
{
    public Exception Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or NpgsqlException)
        {
            return exception as OperationCanceledException ?? new OperationCanceledException("The query was stopped.", exception, cancellationToken);
        }

        return PostgresErrors.IsTranslatable(exception)
            ? PostgresErrors.Translate(exception, SourceName, Limits, StatementTimeout, Time.GetElapsedTime(StartedAt))
            : exception;
    }
}
