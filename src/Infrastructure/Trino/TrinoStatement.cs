using System.Text.Json;
using Kurobe.Application.Common.Errors;

namespace Kurobe.Infrastructure.Trino;

/// <summary>
/// One query on the client protocol: the POST, then the <c>nextUri</c> chain, one page at a time and only when the
/// reader wants more rows. Whatever stops it early (cancellation, disposal, a broken connection) sends
/// <c>DELETE nextUri</c> so the query does not keep running on the cluster.
/// </summary>
internal sealed class TrinoStatement : IAsyncDisposable
{
    private readonly TrinoClient _client;
    private readonly TimeSpan _timeLimit;
    private TrinoPage? _page;
    private Uri? _pageUri;
    private Uri? _nextUri;
    private bool _finished;

    private TrinoStatement(TrinoClient client, TimeSpan timeLimit)
    {
        _client = client;
        _timeLimit = timeLimit;
    }

    /// <summary>The result's columns, once a page has described them.</summary>
    public IReadOnlyList<TrinoColumn>? Columns { get; private set; }

    public bool IsFinished => _finished;

    /// <summary>Posts the query and follows <c>nextUri</c> until the columns are known or the query ends.</summary>
    /// <param name="timeLimit">The query's time budget, reported when Trino stops the query for running too long.</param>
    public static async Task<TrinoStatement> StartAsync(TrinoClient client, string sql, IReadOnlyDictionary<string, string> headers, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var statement = new TrinoStatement(client, timeLimit);
        try
        {
            var response = await client.PostStatementAsync(sql, headers, cancellationToken);
            statement._pageUri = client.StatementUri;
            statement._page = await OpenPageAsync(client, response, cancellationToken);
            await statement.MoveToDataAsync(untilColumns: true, cancellationToken);
            statement.Columns ??= [];
            return statement;
        }
        catch (Exception exception)
        {
            await statement.StopAsync();
            throw statement.Translate(exception, cancellationToken);
        }
    }

    /// <summary>
    /// Reads up to <paramref name="maxRows"/> rows into <paramref name="values"/> (row-major), fetching pages as
    /// needed. Returns the count; fewer than asked means the result is exhausted.
    /// </summary>
    public async Task<int> ReadAsync(object?[] values, int maxRows, CancellationToken cancellationToken)
    {
        var read = 0;
        try
        {
            while (read < maxRows && await MoveToDataAsync(untilColumns: false, cancellationToken))
            {
                read += await _page!.ReadRowsAsync(Columns!, values, read, maxRows - read, cancellationToken);
            }

            return read;
        }
        catch (Exception exception)
        {
            await StopAsync();
            throw Translate(exception, cancellationToken);
        }
    }

    /// <summary>
    /// Moves to the next rows: true when the current page is in its <c>data</c> array, false when the query has
    /// finished. With <paramref name="untilColumns"/>, also stops as soon as the columns are known.
    /// </summary>
    private async Task<bool> MoveToDataAsync(bool untilColumns, CancellationToken cancellationToken)
    {
        while (true)
        {
            // An endless chain of empty pages is stopped here by the caller's time budget.
            cancellationToken.ThrowIfCancellationRequested();
            if (_page is null)
            {
                if (_finished || _nextUri is null)
                {
                    _finished = true;
                    return false;
                }

                if (!_client.IsOnCoordinator(_nextUri))
                {
                    throw new DataSourceUnavailableException($"The Trino data source '{_client.SourceName}' pointed Kurobe to another server; the query was abandoned.");
                }

                _pageUri = _nextUri;
                _nextUri = null;
                var response = await _client.GetAsync(_pageUri, isQueryPage: true, cancellationToken);
                _page = await OpenPageAsync(_client, response, cancellationToken);
            }

            var atData = _page.IsAtData || await ReadPageAsync(_page, cancellationToken);
            Columns ??= _page.Columns;
            if (atData)
            {
                if (Columns is null)
                {
                    throw new DataSourceUnavailableException($"The Trino data source '{_client.SourceName}' sent rows before describing their columns.");
                }

                return true;
            }

            var page = _page;
            _nextUri = page.NextUri;
            _page = null;
            page.Dispose();
            if (page.Error is { } error)
            {
                _finished = true;
                throw Failure(error);
            }

            if (_nextUri is null)
            {
                _finished = true;
                return false;
            }

            if (untilColumns && Columns is not null)
            {
                return true;
            }
        }
    }

    private static async Task<bool> ReadPageAsync(TrinoPage page, CancellationToken cancellationToken) =>
        await page.ReadToDataAsync(cancellationToken);

    // Failures while reading a body surface as the port's exceptions; the caller's own cancellation stays as it is.
    private Exception Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
        OperationCanceledException => new DataSourceUnavailableException($"The Trino data source '{_client.SourceName}' stopped answering.", exception),
        JsonException => new DataSourceUnavailableException($"The Trino data source '{_client.SourceName}' sent a response Kurobe cannot read.", exception),
        IOException or HttpRequestException => new DataSourceUnavailableException($"The connection to the Trino data source '{_client.SourceName}' was lost.", exception),
        ObjectDisposedException => new DataSourceUnavailableException($"The Trino data source '{_client.SourceName}' was changed or removed while the query ran.", exception),
        _ => exception,
    };

    private static async Task<TrinoPage> OpenPageAsync(TrinoClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await TrinoPage.OpenAsync(response, client.RequestTimeout, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private Exception Failure(TrinoQueryError error) => error.ErrorType switch
    {
        "USER_ERROR" when error.ErrorName == "USER_CANCELED" =>
            new QueryCancelledException("The query was cancelled in Trino."),
        "USER_ERROR" => new QueryFailedException(error.Message),
        _ when error.ErrorName == "EXCEEDED_TIME_LIMIT" => new QueryTimeoutException(_timeLimit),
        _ => new DataSourceUnavailableException($"The Trino data source '{_client.SourceName}' could not run the query: {error.ErrorName ?? "an internal error"} ({error.Message})."),
    };

    /// <summary>Ends the query early: Trino is asked to cancel it unless it has already finished.</summary>
    public async Task StopAsync()
    {
        var cancelUri = _page?.NextUri ?? _nextUri ?? _pageUri;
        _page?.Dispose();
        _page = null;
        if (_finished)
        {
            return;
        }

        _finished = true;
        _nextUri = null;
        if (cancelUri is not null && cancelUri != _client.StatementUri && _client.IsOnCoordinator(cancelUri))
        {
            await _client.CancelQuietlyAsync(cancelUri);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
