using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Kurobe.Benchmarks;

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers, each on its own keep-alive connection, send the same
/// POST one after the other for a fixed time, after a warm-up of <see cref="WarmUp"/> that is not counted.
/// Every response must be 200; the generator counts those containing <c>"cacheHit":true</c>.
/// Prints one JSON line: requests, seconds, requestsPerSecond, p50Ms, p99Ms, errors, cacheHits, responseBytes and,
/// given the server's process id, serverCpuMicrosecondsPerRequest.
/// </summary>
internal static class LoadGenerator
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private static ReadOnlySpan<byte> CacheHit => "\"cacheHit\":true"u8;

    public static async Task<int> RunAsync(Uri url, string bodyFile, int concurrency, int seconds, int? serverPid)
    {
        var body = await File.ReadAllBytesAsync(bodyFile);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        BenchmarkAuth.Apply(client);

        await RunPhaseAsync(client, url, body, concurrency, WarmUp);
        var cpuBefore = ServerCpu.Read(serverPid);
        var stopwatch = Stopwatch.StartNew();
        var workers = await RunPhaseAsync(client, url, body, concurrency, TimeSpan.FromSeconds(seconds));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var cpuUsed = ServerCpu.Read(serverPid) - cpuBefore;

        var latencies = workers.SelectMany(w => w.Latencies).Order().ToArray();
        var requests = latencies.Length;
        var cpuPerRequest = cpuUsed is { } cpu && requests > 0 ? (cpu.TotalMicroseconds / requests).ToString("0", CultureInfo.InvariantCulture) : "null";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
            {"requests":{{requests}},"seconds":{{elapsed:0.000}},"requestsPerSecond":{{requests / elapsed:0}},"p50Ms":{{Percentile(latencies, 0.50):0.000}},"p99Ms":{{Percentile(latencies, 0.99):0.000}},"errors":{{workers.Sum(w => w.Errors)}},"cacheHits":{{workers.Sum(w => w.CacheHits)}},"responseBytes":{{workers.Max(w => w.ResponseBytes)}},"serverCpuMicrosecondsPerRequest":{{cpuPerRequest}}}
            """));
        return workers.Sum(w => w.Errors) == 0 ? 0 : 1;
    }

    private static async Task<Worker[]> RunPhaseAsync(HttpClient client, Uri url, byte[] body, int concurrency, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => new Worker()).ToArray();
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(client, url, body, deadline))));
        return workers;
    }

    /// <summary>The value below which the given share of the sorted latencies fall (nearest rank), in milliseconds.</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class Worker
    {
        public List<double> Latencies { get; } = new(capacity: 16_384);

        public int Errors { get; private set; }

        public int CacheHits { get; private set; }

        public int ResponseBytes { get; private set; }

        public async Task RunAsync(HttpClient client, Uri url, byte[] body, long deadline)
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    var bytes = await response.Content.ReadAsByteArrayAsync();
                    Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    ResponseBytes = Math.Max(ResponseBytes, bytes.Length);
                    if (!response.IsSuccessStatusCode)
                    {
                        Errors++;
                    }
                    else if (bytes.AsSpan().IndexOf(CacheHit) >= 0)
                    {
                        CacheHits++;
                    }
                }
                catch (HttpRequestException)
                {
                    Errors++;
                }
            }
        }
    }
}
