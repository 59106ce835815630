using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kurobe.Application.Common.Errors;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Trino;

/// <summary>
/// Sends the requests of one data source to its coordinator: the headers Kurobe sets (never any from a query or a
/// tenant), per-request timeouts, and retries with back-off for transient answers (502, 503, 504, and lost
/// connections on result pages, whose GETs are idempotent).
/// </summary>
internal sealed partial class TrinoClient(
    HttpClient http,
    Uri baseUri,
    string sourceName,
    string user,
    AuthenticationHeaderValue? authorization,
    TrinoOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(2);

    public string SourceName => sourceName;

    public Uri StatementUri => new(baseUri, "v1/statement");

    public Uri InfoUri => new(baseUri, "v1/info");

    /// <summary>
    /// True when <paramref name="uri"/> is on the configured coordinator. Trino builds <c>nextUri</c> from the address
    /// the client used, so another host means a misconfigured or hostile server, and the credentials must not follow it.
    /// </summary>
    public bool IsOnCoordinator(Uri uri) =>
        Uri.Compare(uri, baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>A token source for one request or body read: cancelled by the caller or after the request timeout.</summary>
    public CancellationTokenSource RequestTimeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        return timeout;
    }

    public Task<HttpResponseMessage> PostStatementAsync(string sql, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, StatementUri);
                request.Content = new StringContent(sql, Encoding.UTF8, "text/plain");
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                return request;
            },
            idempotent: false,
            isQueryPage: false,
            cancellationToken);

    public Task<HttpResponseMessage> GetAsync(Uri uri, bool isQueryPage, CancellationToken cancellationToken) =>
        SendAsync(() => Request(HttpMethod.Get, uri), idempotent: true, isQueryPage, cancellationToken);

    /// <summary>Asks Trino to stop a query; best effort, bounded in time, never throws.</summary>
    public async Task CancelQuietlyAsync(Uri uri)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CancelTimeout, timeProvider);
            using var request = Request(HttpMethod.Delete, uri);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            LogCancelled(logger, sourceName, (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            LogCancelFailed(logger, sourceName, exception);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("X-Trino-User", user);
        request.Headers.TryAddWithoutValidation("X-Trino-Source", options.ClientName);
        request.Headers.Authorization = authorization;
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, bool idempotent, bool isQueryPage, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            HttpResponseMessage response;
            using (var request = createRequest())
            using (var timeout = RequestTimeout(cancellationToken))
            {
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
                {
                    var what = exception is OperationCanceledException ? "did not answer in time" : "could not be reached";
                    if (idempotent && attempt <= options.MaxRetries)
                    {
                        LogRetry(logger, sourceName, what, attempt, exception);
                        await BackOffAsync(attempt, cancellationToken);
                        continue;
                    }

                    throw new DataSourceUnavailableException($"The Trino data source '{sourceName}' {what}.", exception);
                }
            }

            var status = response.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                return response;
            }

            var detail = await ReadErrorTextAsync(response, cancellationToken);
            response.Dispose();
            if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
            {
                if (attempt <= options.MaxRetries)
                {
                    LogRetry(logger, sourceName, $"answered HTTP {(int)status}", attempt, null);
                    await BackOffAsync(attempt, cancellationToken);
                    continue;
                }

                throw new DataSourceUnavailableException(
                    $"The Trino data source '{sourceName}' is unavailable: HTTP {(int)status} after {options.MaxRetries} retries.");
            }

            throw status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new DataSourceUnavailableException($"Authentication failed for the Trino data source '{sourceName}'."),
                HttpStatusCode.NotFound or HttpStatusCode.Gone when isQueryPage =>
                    new DataSourceUnavailableException($"The query vanished from the Trino data source '{sourceName}' (HTTP {(int)status}); it may have been cancelled or expired."),
                _ => new DataSourceUnavailableException(
                    $"The Trino data source '{sourceName}' refused the request: HTTP {(int)status}{(detail.Length > 0 ? $" ({detail})" : "")}."),
            };
        }
    }

    private Task BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100 * attempt);
        return Task.Delay(delay < MaxBackOff ? delay : MaxBackOff, timeProvider, cancellationToken);
    }

    // Trino explains 400s in a short plain-text body (for example "SQL statement is empty"); HTML pages from proxies are not shown.
    private static async Task<string> ReadErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/plain")
        {
            return "";
        }

        try
        {
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            return text.Length <= 200 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 200)}...");
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Trino data source {DataSourceName} {What}; retry {Attempt}")]
    private static partial void LogRetry(ILogger logger, string dataSourceName, string what, int attempt, Exception? exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Asked Trino data source {DataSourceName} to cancel a query: HTTP {StatusCode}")]
    private static partial void LogCancelled(ILogger logger, string dataSourceName, int statusCode);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Could not cancel a query on Trino data source {DataSourceName}")]
    private static partial void LogCancelFailed(ILogger logger, string dataSourceName, Exception exception);
}
