using System.Globalization;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Plugins.Abstractions;
using Npgsql;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>
/// One query in its own read-only transaction on a pooled connection, read through a server-side cursor: each batch
/// is one <c>FETCH FORWARD n</c>, so the server produces only the rows asked for, a paused consumer pauses the query
/// (as docs/decisions/0003 asks), and <c>statement_timeout</c> limits the time spent in the engine per batch rather
/// than the time a slow client takes. The transaction is always rolled back, which closes the cursor and undoes any
/// setting the query changed (<c>set_config(..., false)</c>, <c>SET ROLE</c>); the connection goes back to the pool
/// as soon as the result ends or the cursor is disposed.
/// </summary>
internal sealed class PostgresQueryCursor : IQueryCursor
{
    private const string CursorName = "kurobe_result";

    private readonly PostgresQuery _query;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly IReadOnlyList<PostgresColumn> _columns;
    private readonly bool[]? _textColumns;
    private NpgsqlCommand? _fetch;
    private bool _exhausted;
    private bool _finished;

    private PostgresQueryCursor(PostgresQuery query, NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PostgresColumn> columns)
    {
        _query = query;
        _connection = connection;
        _transaction = transaction;
        _columns = columns;
        _textColumns = columns.Any(c => c.IsText) ? [.. columns.Select(c => c.IsText)] : null;
        Columns = [.. columns.Select(c => c.Description)];
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public static async Task<PostgresQueryCursor> OpenAsync(NpgsqlDataSource dataSource, string sql, PostgresQuery query, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        var startedAt = query.Time.GetTimestamp();
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var open = new NpgsqlBatch(connection, transaction)
            {
                Timeout = query.ClientTimeoutSeconds,
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SET TRANSACTION READ ONLY"),
                    new NpgsqlBatchCommand(Settings(query)),
                    // DECLARE takes exactly one query: "COMMIT; DELETE ..." is a syntax error, not the end of the
                    // read-only transaction. FETCH 0 only describes the columns.
                    new NpgsqlBatchCommand($"DECLARE {CursorName} NO SCROLL CURSOR FOR {TrimTerminator(sql)}"),
                    new NpgsqlBatchCommand($"FETCH FORWARD 0 FROM {CursorName}"),
                },
            };
            await using var reader = await open.ExecuteReaderAsync(cancellationToken);
            IReadOnlyList<PostgresColumn> columns;
            do
            {
                // The last result, the FETCH's, describes the query.
                columns = PostgresColumn.Describe(reader);
            }
            while (await reader.NextResultAsync(cancellationToken));

            return new PostgresQueryCursor(query, connection, transaction, columns);
        }
        catch (Exception exception)
        {
            await CloseQuietlyAsync(transaction, connection);
            var translated = query.Translate(exception, startedAt, cancellationToken);
            if (ReferenceEquals(translated, exception))
            {
                throw;
            }

            throw translated;
        }
    }

    /// <summary>
    /// The transaction's limits. Running as a <c>SELECT</c>, it also takes the transaction's first snapshot, after
    /// which PostgreSQL refuses <c>SET TRANSACTION READ WRITE</c>. Plans are made for reading every row, as for a
    /// plain query, not the first tenth that cursors assume by default. A cancel request that reaches the server
    /// just before the statement starts is lost; Npgsql then closes the connection, and the server notices a closed
    /// connection within a second instead of running the statement to its end.
    /// </summary>
    private static string Settings(PostgresQuery query)
    {
        static string Milliseconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

        return $"""
            SELECT set_config('statement_timeout', '{Milliseconds(query.StatementTimeout)}', true),
                   set_config('idle_in_transaction_session_timeout', '{Milliseconds(query.IdleTimeout)}', true),
                   set_config('cursor_tuple_fraction', '1', true),
                   set_config('client_connection_check_interval', '1000', true)
            """;
    }

    private static string TrimTerminator(string sql) => sql.TrimEnd().TrimEnd(';').TrimEnd();

    public async ValueTask<RowBatch> ReadAsync(int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        ObjectDisposedException.ThrowIf(_finished && !_exhausted, this);
        if (_exhausted)
        {
            return RowBatch.Empty(_columns.Count, isLast: true);
        }

        var columnCount = _columns.Count;
        var values = new object?[maxRows * columnCount];
        var rows = 0;
        var startedAt = _query.Time.GetTimestamp();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows = await FetchAsync(maxRows, values, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException || PostgresErrors.IsTranslatable(exception))
        {
            // The transaction is aborted or the query cancelled: nothing more can be read.
            await FinishAsync();
            var translated = _query.Translate(exception, startedAt, cancellationToken);
            if (ReferenceEquals(translated, exception))
            {
                throw;
            }

            throw translated;
        }

        if (rows < maxRows)
        {
            _exhausted = true;
            // The connection goes back to the pool now rather than when the consumer gets round to disposing.
            await FinishAsync();
        }

        return new RowBatch(columnCount, values, rows, _exhausted);
    }

    /// <summary>
    /// One <c>FETCH</c>. The command is <see cref="_fetch"/> only while it runs, so that only a fetch in flight is
    /// ever cancelled: a late cancel request could hit whatever the connection runs next.
    /// </summary>
    private async Task<int> FetchAsync(int maxRows, object?[] values, CancellationToken cancellationToken)
    {
        var columnCount = _columns.Count;
        var rows = 0;
        _fetch = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"FETCH FORWARD {maxRows} FROM {CursorName}"), _connection, _transaction)
        {
            CommandTimeout = _query.ClientTimeoutSeconds,
            UnknownResultTypeList = _textColumns,
        };
        try
        {
            await using var reader = await _fetch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var offset = rows * columnCount;
                for (var c = 0; c < columnCount; c++)
                {
                    values[offset + c] = _columns[c].Read(reader, c);
                }

                rows++;
            }

            return rows;
        }
        finally
        {
            var fetch = _fetch;
            _fetch = null;
            if (fetch is not null)
            {
                await QuietlyAsync(fetch.DisposeAsync);
            }
        }
    }

    public ValueTask DisposeAsync() => FinishAsync();

    /// <summary>
    /// Rolls back, closing the cursor. Between batches nothing runs on the server; a fetch still running (its consumer
    /// gave up on it) is cancelled first, because Npgsql would otherwise read all of its rows to free the connection.
    /// </summary>
    private async ValueTask FinishAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_fetch is { } running)
        {
            try
            {
                running.Cancel();
            }
            catch (Exception exception) when (PostgresErrors.IsTranslatable(exception) || exception is InvalidOperationException)
            {
                // The fetch already ended or the connection broke; closing below handles either.
            }

            await QuietlyAsync(running.DisposeAsync);
        }

        await CloseQuietlyAsync(_transaction, _connection);
    }

    /// <summary>
    /// Rolls back and releases the connection's advisory locks, the one thing a read-only query can take that outlives
    /// its transaction, in one round trip. Errors here (a cancelled fetch's own error, a broken connection) change
    /// nothing for the consumer; a broken connection is dropped from the pool when disposed.
    /// </summary>
    private static async ValueTask CloseQuietlyAsync(NpgsqlTransaction? transaction, NpgsqlConnection? connection)
    {
        if (transaction is not null && connection is not null)
        {
            await QuietlyAsync(async () =>
            {
                await using var close = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands = { new NpgsqlBatchCommand("ROLLBACK"), new NpgsqlBatchCommand("SELECT pg_advisory_unlock_all()") },
                };
                await close.ExecuteNonQueryAsync(CancellationToken.None);
            });
            await QuietlyAsync(transaction.DisposeAsync);
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
