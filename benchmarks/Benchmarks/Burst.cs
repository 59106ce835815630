using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kurobe.Benchmarks;

/// <summary>
/// Sends <c>count</c> identical <c>runQuery</c> requests at the same moment, each on its own already-open connection,
/// and reports how many engine executions they caused, counted three ways from what the server says:
/// responses with <c>cacheHit: false</c> (exactly one caller runs the query per miss), distinct <c>executedAt</c>
/// values (each execution stamps its own), and distinct query ids seen in <c>runningQueries</c>, polled from another
/// connection throughout the burst (a lower bound: a query that starts and ends between two polls is missed).
/// Prints one JSON line.
/// </summary>
internal static class Burst
{
    private const string RunQuery =
        "query($sql: String!, $ttl: Int) { runQuery(input: {sql: $sql, cacheTtlSeconds: $ttl}) { rowCount cacheHit executedAt } }";

    private const string RunningQueries = "{ runningQueries { id sql } }";

    public static async Task<int> RunAsync(Uri url, string sql, int count, int? cacheTtlSeconds, int? serverPid)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false, MaxConnectionsPerServer = count };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(5) };
        BenchmarkAuth.Apply(client);
        using var pollHandler = new SocketsHttpHandler { UseProxy = false, UseCookies = false };
        using var pollClient = new HttpClient(pollHandler);
        BenchmarkAuth.Apply(pollClient);

        // Open every connection first, so the burst measures queries rather than TCP handshakes.
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => PostAsync(client, url, "{ __typename }", variables: null)));
        await PostAsync(pollClient, url, RunningQueries, variables: null);

        using var stopPolling = new CancellationTokenSource();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mostAtOnce = 0;
        var polls = 0;
        var poller = Task.Run(async () =>
        {
            while (!stopPolling.IsCancellationRequested)
            {
                var running = (await PostAsync(pollClient, url, RunningQueries, variables: null))["data"]!["runningQueries"]!.AsArray()
                    .Where(q => q!["sql"]!.GetValue<string>().Contains(sql, StringComparison.Ordinal))
                    .Select(q => q!["id"]!.GetValue<string>())
                    .ToList();
                seen.UnionWith(running);
                mostAtOnce = Math.Max(mostAtOnce, running.Count);
                polls++;
            }
        });

        var variables = new JsonObject { ["sql"] = sql, ["ttl"] = cacheTtlSeconds };
        var cpuBefore = ServerCpu.Read(serverPid);
        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            var response = await PostAsync(client, url, RunQuery, variables);
            return (Response: response, Milliseconds: Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        })));
        var wallMs = stopwatch.Elapsed.TotalMilliseconds;
        var cpuUsed = ServerCpu.Read(serverPid) - cpuBefore;
        await stopPolling.CancelAsync();
        await poller;

        var results = responses.Select(r => r.Response["data"]?["runQuery"]).ToList();
        var errors = results.Count(r => r is null);
        var misses = results.Count(r => r is not null && !r["cacheHit"]!.GetValue<bool>());
        var executedAt = results.Where(r => r is not null).Select(r => r!["executedAt"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count();
        var latencies = responses.Select(r => r.Milliseconds).Order().ToArray();
        var cpu = cpuUsed is { } used ? used.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "null";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
            {"requests":{{count}},"errors":{{errors}},"cacheMisses":{{misses}},"distinctExecutedAt":{{executedAt}},"seenRunning":{{seen.Count}},"mostRunningAtOnce":{{mostAtOnce}},"polls":{{polls}},"wallMs":{{wallMs:0.0}},"p50Ms":{{latencies[latencies.Length / 2]:0.0}},"maxMs":{{latencies[^1]:0.0}},"serverCpuSeconds":{{cpu}}}
            """));
        return errors == 0 ? 0 : 1;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, Uri url, string query, JsonObject? variables)
    {
        var request = new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() };
        using var response = await client.PostAsJsonAsync(url, request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new JsonException($"Empty response ({(int)response.StatusCode}).");
    }
}
