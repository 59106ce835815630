using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kurobe.TrinoFake;

/// <summary>One HTTP request the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? QueryId)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A Trino coordinator on 127.0.0.1 that follows the client protocol: <c>POST /v1/statement</c> answers QUEUED,
/// results are paged through <c>nextUri</c> tokens (the last or the next token is accepted, others are 410 Gone,
/// an unknown query or slug is 404), <c>DELETE</c> on a <c>nextUri</c> or on <c>/v1/query/{id}</c> cancels,
/// <c>GET /v1/info</c> reports a version. Queries are answered from <see cref="TrinoScenario"/>s keyed by their exact
/// SQL text; unknown SQL fails with TABLE_NOT_FOUND. Every request is recorded.
/// </summary>
public sealed class FakeTrinoServer : IAsyncDisposable
{
    public const string Version = "476";

    private readonly ConcurrentDictionary<string, TrinoScenario> _scenarios = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeQuery> _queries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;
    private int _querySequence;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>When set, every request must carry exactly this <c>Authorization</c> header, or gets 401.</summary>
    public string? RequiredAuthorization { get; set; }

    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    public IEnumerable<FakeQuery> Queries => _queries.Values;

    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return BaseUri;
    }

    public void AddScenario(string sql, TrinoScenario scenario) => _scenarios[sql] = scenario;

    public void RequireBasic(string user, string password) =>
        RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public void RequireBearer(string token) => RequiredAuthorization = "Bearer " + token;

    /// <summary>The queries started with this SQL text, oldest first.</summary>
    public IReadOnlyList<FakeQuery> QueriesFor(string sql) => [.. _queries.Values.Where(q => q.Sql == sql).OrderBy(q => q.Sequence)];

    public IReadOnlyList<RecordedRequest> RequestsFor(FakeQuery query) => [.. _requests.Where(r => r.QueryId == query.Id)];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var queryId = segments switch
        {
            ["v1", "statement", "queued" or "executing", var id, ..] => id,
            ["v1", "query", var id] => id,
            _ => null,
        };
        var body = request.Method == HttpMethods.Post ? await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted) : null;
        if (request.Method == HttpMethods.Post && segments is ["v1", "statement"])
        {
            queryId = null;
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (RequiredAuthorization is not null && headers.GetValueOrDefault("Authorization") != RequiredAuthorization)
        {
            Record(request, headers, queryId);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Trino\"";
            await PlainAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        switch (request.Method, segments)
        {
            case ("POST", ["v1", "statement"]):
                await PostStatementAsync(context, headers, body ?? "");
                return;
            case ("GET", ["v1", "statement", var phase and ("queued" or "executing"), var id, var slug, var token]):
                Record(request, headers, id);
                await GetPageAsync(context, phase, id, slug, token);
                return;
            case ("DELETE", ["v1", "statement", "queued" or "executing", var id, var slug, _]):
                Record(request, headers, id);
                await CancelAsync(context, id, slug);
                return;
            case ("DELETE", ["v1", "query", var id]):
                Record(request, headers, id);
                await CancelAsync(context, id, slug: null);
                return;
            case ("GET", ["v1", "info"]):
                Record(request, headers, null);
                await JsonAsync(context, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("nodeVersion");
                    writer.WriteString("version", Version);
                    writer.WriteEndObject();
                    writer.WriteString("environment", "test");
                    writer.WriteBoolean("coordinator", true);
                    writer.WriteBoolean("starting", false);
                    writer.WriteString("uptime", "1.00m");
                    writer.WriteEndObject();
                });
                return;
            default:
                Record(request, headers, queryId);
                await PlainAsync(context, StatusCodes.Status404NotFound, "Not Found");
                return;
        }
    }

    private void Record(HttpRequest request, Dictionary<string, string> headers, string? queryId) =>
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "/", headers, queryId));

    private async Task PostStatementAsync(HttpContext context, Dictionary<string, string> headers, string sql)
    {
        if (string.IsNullOrWhiteSpace(headers.GetValueOrDefault("X-Trino-User")))
        {
            Record(context.Request, headers, null);
            await PlainAsync(context, StatusCodes.Status400BadRequest, "User must be set");
            return;
        }

        if (string.IsNullOrWhiteSpace(sql))
        {
            Record(context.Request, headers, null);
            await PlainAsync(context, StatusCodes.Status400BadRequest, "SQL statement is empty");
            return;
        }

        var scenario = _scenarios.TryGetValue(sql, out var found)
            ? found
            : TrinoScenario.Failing(FakeTrinoError.TableNotFound("line 1:1: Table 'fake.default.unknown' does not exist"));
        var sequence = Interlocked.Increment(ref _querySequence);
        var id = string.Create(CultureInfo.InvariantCulture, $"20261124_232106_{sequence:00000}_fake0");
        var query = new FakeQuery(id, "y" + Guid.NewGuid().ToString("N")[..8], sql, sequence, scenario, headers, BaseUri);
        _queries[id] = query;
        Record(context.Request, headers, id);
        await WriteDocumentAsync(context, query, new PageSpec(PageKind.Queued), query.Uri("queued", 1));
    }

    private async Task GetPageAsync(HttpContext context, string phase, string id, string slug, string tokenText)
    {
        if (!_queries.TryGetValue(id, out var query) || query.Slug != slug || !long.TryParse(tokenText, CultureInfo.InvariantCulture, out var token))
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "Query not found");
            return;
        }

        var scenario = query.Scenario;
        if (phase == "executing" && scenario.PageDelay > TimeSpan.Zero && token >= scenario.PageDelayFromPage)
        {
            try
            {
                await Task.Delay(scenario.PageDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        PageSpec page;
        Uri? next;
        lock (query)
        {
            var position = (phase, token);
            if (position != query.Next && position != query.LastServed)
            {
                page = new PageSpec(PageKind.Gone);
                next = null;
            }
            else if (phase == "executing" && token == scenario.UnavailableAtPage && query.UnavailableAnswered < scenario.UnavailableResponses)
            {
                query.UnavailableAnswered++;
                page = new PageSpec(PageKind.Unavailable);
                next = null;
            }
            else if (phase == "executing" && token == scenario.ForcedStatusAtPage && scenario.ForcedStatus is not null)
            {
                page = new PageSpec(PageKind.Forced);
                next = null;
            }
            else if (query.IsCanceled)
            {
                page = new PageSpec(PageKind.Canceled);
                next = null;
                query.Finish();
            }
            else
            {
                (page, next) = query.PageAt(phase, token);
                query.LastServed = position;
                query.Next = next is null ? default : FakeQuery.PositionOf(next);
                if (next is null)
                {
                    query.Finish();
                }

                query.PagesServed++;
            }
        }

        switch (page.Kind)
        {
            case PageKind.Gone:
                await PlainAsync(context, StatusCodes.Status410Gone, "Gone");
                return;
            case PageKind.Unavailable:
                await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable");
                return;
            case PageKind.Forced:
                await PlainAsync(context, scenario.ForcedStatus!.Value, "Forced by the scenario");
                return;
            default:
                await WriteDocumentAsync(context, query, page, next);
                return;
        }
    }

    private async Task CancelAsync(HttpContext context, string id, string? slug)
    {
        if (!_queries.TryGetValue(id, out var query) || (slug is not null && query.Slug != slug))
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "Query not found");
            return;
        }

        lock (query)
        {
            if (!query.IsFinished)
            {
                query.IsCanceled = true;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task WriteDocumentAsync(HttpContext context, FakeQuery query, PageSpec page, Uri? next)
    {
        var scenario = query.Scenario;
        var (state, error) = page.Kind switch
        {
            PageKind.Queued => ("QUEUED", null),
            PageKind.Failed => ("FAILED", scenario.Failure),
            PageKind.Canceled => ("FAILED", FakeTrinoError.UserCanceled()),
            PageKind.Finished => ("FINISHED", null),
            _ => ("RUNNING", (FakeTrinoError?)null),
        };
        var withColumns = page.WithColumns && scenario.Columns.Count > 0;
        if (next is not null && scenario.ForeignNextUri)
        {
            next = new UriBuilder(next) { Host = "localhost" }.Uri;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", query.Id);
        writer.WriteString("infoUri", new Uri(BaseUri, $"ui/query.html?{query.Id}").AbsoluteUri);
        if (next is not null && !scenario.NextUriAfterData)
        {
            writer.WriteString("partialCancelUri", new Uri(BaseUri, $"v1/stage/{query.Id}.0").AbsoluteUri);
            writer.WriteString("nextUri", next.AbsoluteUri);
        }

        if (withColumns)
        {
            writer.WriteStartArray("columns");
            foreach (var column in scenario.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
                writer.WriteString("type", column.Type);
                writer.WriteStartObject("typeSignature");
                var open = column.Type.IndexOf('(', StringComparison.Ordinal);
                writer.WriteString("rawType", open < 0 ? column.Type : column.Type[..open]);
                writer.WriteStartArray("arguments");
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (page.Kind == PageKind.Data)
        {
            writer.WriteStartArray("data");
            var first = page.Chunk * scenario.RowsPerPage;
            var last = Math.Min(scenario.RowCount, first + scenario.RowsPerPage);
            for (var n = first; n < last; n++)
            {
                writer.WriteStartArray();
                foreach (var value in scenario.Row(n))
                {
                    WriteValue(writer, value);
                }

                writer.WriteEndArray();

                // A huge page is streamed: the fake never holds more than a few thousand rows of it.
                if ((n - first) % 1_000 == 999)
                {
                    await writer.FlushAsync(context.RequestAborted);
                }
            }

            writer.WriteEndArray();
        }

        WriteStats(writer, state, page.Kind == PageKind.Queued);
        if (error is not null)
        {
            writer.WriteStartObject("error");
            writer.WriteString("message", error.Message);
            writer.WriteNumber("errorCode", error.ErrorCode);
            writer.WriteString("errorName", error.ErrorName);
            writer.WriteString("errorType", error.ErrorType);
            writer.WriteStartObject("errorLocation");
            writer.WriteNumber("lineNumber", 1);
            writer.WriteNumber("columnNumber", 1);
            writer.WriteEndObject();
            writer.WriteStartObject("failureInfo");
            writer.WriteString("type", "io.trino.spi.TrinoException");
            writer.WriteString("message", error.Message);
            writer.WriteStartArray("suppressed");
            writer.WriteEndArray();
            writer.WriteStartArray("stack");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("warnings");
        writer.WriteEndArray();
        if (next is not null && scenario.NextUriAfterData)
        {
            writer.WriteString("nextUri", next.AbsoluteUri);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void WriteStats(Utf8JsonWriter writer, string state, bool queued)
    {
        writer.WriteStartObject("stats");
        writer.WriteString("state", state);
        writer.WriteBoolean("queued", queued);
        writer.WriteBoolean("scheduled", !queued);
        foreach (var name in (string[])["nodes", "totalSplits", "queuedSplits", "runningSplits", "completedSplits", "cpuTimeMillis", "wallTimeMillis", "queuedTimeMillis", "elapsedTimeMillis", "processedRows", "processedBytes", "physicalInputBytes", "peakMemoryBytes", "spilledBytes"])
        {
            writer.WriteNumber(name, name == "nodes" ? 1 : 0);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case double d when !double.IsFinite(d):
                writer.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteStringValue(m.ToString(CultureInfo.InvariantCulture));
                break;
            case long or int or short or sbyte or byte:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static async Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static async Task JsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        write(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
