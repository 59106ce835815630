using System.Diagnostics;
using Kurobe.Infrastructure.Caching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

/// <summary>
/// Redis killed, frozen and brought back under load, on a private redis-server. Timings are asserted only against a
/// generous bound (the machine may be busy); the measured numbers are attached to the test results
/// (`-- --report-xunit-trx` writes them beside the report).
/// </summary>
public sealed class RedisOutageTests
{
    private const int Calls = 200;
    private const int OutageStartsAt = 60;
    private const int Workers = 4;
    private const int RetryAfterSeconds = 2;
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly string _prefix = $"kurobe-outage:{Guid.NewGuid():N}:";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queries_keep_succeeding_while_redis_is_killed_and_caching_resumes_when_it_restarts()
    {
        await using var redis = await ThrowawayRedis.StartAsync();
        await using var node = await StartNodeAsync(redis.Configuration);

        var (baseline, outage) = await RunLoadAsync(node, onOutage: redis.Kill);
        Report("killed", baseline, outage);
        outage.ShouldAllBe(t => t < Bound);
        (await node.HealthAsync()).Status.ShouldBe(HealthStatus.Degraded);
        node.Logs.Count(nameof(ResilientDistributedCache), eventId: 1).ShouldBe(1, "the outage is logged once, not per request");

        await redis.RestartAsync();
        var recovery = await node.WaitForHealthAsync(HealthStatus.Healthy, TimeSpan.FromSeconds(RetryAfterSeconds) + Patience);
        Note($"restarted: healthy again after {recovery.TotalMilliseconds:0} ms");
        await ShouldReachRedisAsync(node, redis);
        node.Logs.Count(nameof(ResilientDistributedCache), eventId: 2).ShouldBe(1);
    }

    [Fact]
    public async Task Queries_keep_succeeding_while_redis_is_frozen_and_caching_resumes_when_it_thaws()
    {
        await using var redis = await ThrowawayRedis.StartAsync();
        await using var node = await StartNodeAsync(redis.Configuration);

        var (baseline, outage) = await RunLoadAsync(node, onOutage: redis.Pause);
        Report("paused", baseline, outage);
        outage.ShouldAllBe(t => t < Bound);
        var health = await node.HealthAsync();
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Description.ShouldBe("Redis is unreachable; results are cached in process only.");
        node.Logs.Count(nameof(ResilientDistributedCache), eventId: 1).ShouldBe(1, "the outage is logged once, not per request");

        redis.Resume();
        var recovery = await node.WaitForHealthAsync(HealthStatus.Healthy, TimeSpan.FromSeconds(RetryAfterSeconds) + Patience);
        Note($"resumed: healthy again after {recovery.TotalMilliseconds:0} ms");
        await ShouldReachRedisAsync(node, redis);
    }

    [Fact]
    public async Task Starts_and_caches_in_process_when_redis_is_down_at_start_up()
    {
        var clock = Stopwatch.StartNew();
        await using var node = CacheNode.Create($"127.0.0.1:{ThrowawayRedis.FreePort()}", Settings());
        var key = TestQueries.Key();
        var query = new CountingQuery("no redis");

        var first = await node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        var second = await node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        clock.Stop();

        first.Hit.ShouldBeFalse();
        second.Hit.ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(Bound);
        (await node.HealthAsync()).Status.ShouldBe(HealthStatus.Degraded);
    }

    private async Task<CacheNode> StartNodeAsync(string redis)
    {
        var node = CacheNode.Create(redis, Settings());
        await node.WaitForHealthAsync(HealthStatus.Healthy, Patience);
        return node;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Kurobe:Cache:KeyPrefix"] = _prefix,
        ["Kurobe:Cache:RedisOperationTimeoutMilliseconds"] = "100",
        ["Kurobe:Cache:RedisRetryAfterSeconds"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Several callers issue distinct keys, so every call is a miss that reads and writes Redis; the outage begins
    /// part-way, with calls in flight.
    /// </summary>
    private static async Task<(List<TimeSpan> Baseline, List<TimeSpan> Outage)> RunLoadAsync(CacheNode node, Action onOutage)
    {
        var source = TestQueries.NewSource();
        var query = new CountingQuery("load");
        var baseline = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        var outage = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await node.Cache.GetOrRunAsync(TestQueries.Key(source, sql: $"warm-up {i}"), Ttl, new CountingQuery("warm-up").RunAsync, Token);
        }

        var issued = 0;
        var outageAt = long.MaxValue;

        async Task WorkAsync()
        {
            int call;
            while ((call = Interlocked.Increment(ref issued)) <= Calls)
            {
                if (call == OutageStartsAt)
                {
                    Volatile.Write(ref outageAt, Stopwatch.GetTimestamp());
                    onOutage();
                }

                var started = Stopwatch.GetTimestamp();
                var lookup = await node.Cache.GetOrRunAsync(TestQueries.Key(source, sql: $"select {call}"), Ttl, query.RunAsync, Token);
                var ended = Stopwatch.GetTimestamp();
                lookup.Hit.ShouldBeFalse();

                // A call still in flight when the outage began counts as a call during the outage.
                (ended < Volatile.Read(ref outageAt) ? baseline : outage).Add(Stopwatch.GetElapsedTime(started, ended));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync, Token)));

        query.Runs.ShouldBe(Calls);
        return ([.. baseline], [.. outage]);
    }

    private async Task ShouldReachRedisAsync(CacheNode node, ThrowawayRedis redis)
    {
        await using var raw = await RawRedis.ConnectAsync(redis.Configuration);
        var source = TestQueries.NewSource();
        await node.Cache.GetOrRunAsync(TestQueries.Key(source), Ttl, new CountingQuery("after").RunAsync, Token);
        (await raw.WaitForKeyAsync($"{_prefix}result:{source}", Patience)).ShouldBeTrue("new results do not reach Redis again");
    }

    private static void Report(string outage, List<TimeSpan> baseline, List<TimeSpan> during)
    {
        static string Describe(List<TimeSpan> timings)
        {
            var sorted = timings.Select(t => t.TotalMilliseconds).Order().ToArray();
            return $"median {sorted[sorted.Length / 2]:0.00} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:0.00} ms, max {sorted[^1]:0.00} ms";
        }

        Note($"{Workers} concurrent callers, distinct keys");
        Note($"baseline ({baseline.Count} calls): {Describe(baseline)}");
        Note($"Redis {outage} ({during.Count} calls): {Describe(during)}");
    }

    // Measured numbers go to the test's attachments (shown in the TRX report), not into assertions.
    private static void Note(string line) =>
        TestContext.Current.AddAttachment($"{TestContext.Current.Test?.TestDisplayName}: {line.Split(':')[0]}", line);
}
