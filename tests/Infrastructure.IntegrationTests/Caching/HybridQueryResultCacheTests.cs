using Kurobe.Application.Querying.Caching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

/// <summary>The cache without Redis: HybridCache's in-process level only.</summary>
public sealed class HybridQueryResultCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    private CacheNode _node = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _node = CacheNode.Create(settings: new Dictionary<string, string?> { ["Kurobe:Cache:MaximumPayloadBytes"] = "1024" });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task Runs_the_query_on_a_miss_and_answers_from_the_cache_afterwards()
    {
        var key = TestQueries.Key();
        var query = new CountingQuery("first");

        var miss = await _node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        var hit = await _node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);

        miss.Hit.ShouldBeFalse();
        hit.Hit.ShouldBeTrue();
        query.Runs.ShouldBe(1);
        hit.Result.RowsJson.ToArray().ShouldBe(miss.Result.RowsJson.ToArray());

        // Marked immutable, the result is kept as an object: an in-process hit copies nothing.
        hit.Result.ShouldBeSameAs(miss.Result);
    }

    [Fact]
    public async Task Forgets_a_result_once_its_time_to_live_has_passed()
    {
        var key = TestQueries.Key();
        var query = new CountingQuery("short-lived");
        var ttl = TimeSpan.FromMilliseconds(600);

        (await _node.Cache.GetOrRunAsync(key, ttl, query.RunAsync, Token)).Hit.ShouldBeFalse();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Token);
        var later = await _node.Cache.GetOrRunAsync(key, ttl, query.RunAsync, Token);

        later.Hit.ShouldBeFalse();
        query.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task Keeps_a_result_for_at_most_the_longest_time_to_live()
    {
        await using var node = CacheNode.Create(settings: new Dictionary<string, string?>
        {
            ["Kurobe:Cache:DefaultTtlSeconds"] = "1",
            ["Kurobe:Cache:MaxTtlSeconds"] = "1",
        });
        var key = TestQueries.Key();
        var query = new CountingQuery("capped");

        await node.Cache.GetOrRunAsync(key, TimeSpan.FromDays(30), query.RunAsync, Token);
        await Task.Delay(TimeSpan.FromSeconds(2), Token);
        (await node.Cache.GetOrRunAsync(key, TimeSpan.FromDays(30), query.RunAsync, Token)).Hit.ShouldBeFalse();
    }

    [Fact]
    public async Task Keeps_results_apart_when_scope_source_revision_row_cap_or_statement_differ()
    {
        var source = TestQueries.NewSource();
        QueryCacheKey[] keys =
        [
            TestQueries.Key(source),
            TestQueries.Key(source, tenant: TestQueries.TenantB),
            TestQueries.Key(TestQueries.NewSource()),
            TestQueries.Key(source, revision: 2),
            TestQueries.Key(source, maxRows: 10),
            TestQueries.Key(source, sql: "select n from numbers"),
        ];
        var queries = keys.Select((_, i) => new CountingQuery($"variant-{i}")).ToArray();

        for (var i = 0; i < keys.Length; i++)
        {
            var lookup = await _node.Cache.GetOrRunAsync(keys[i], Ttl, queries[i].RunAsync, Token);
            lookup.Hit.ShouldBeFalse($"key {i} found another key's entry");
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var lookup = await _node.Cache.GetOrRunAsync(keys[i], Ttl, queries[i].RunAsync, Token);
            lookup.Hit.ShouldBeTrue();
            System.Text.Encoding.UTF8.GetString(lookup.Result.RowsJson.Span).ShouldContain($"variant-{i}");
        }

        queries.ShouldAllBe(q => q.Runs == 1);
    }

    [Fact]
    public async Task Invalidating_a_source_drops_its_results_and_keeps_other_sources_results()
    {
        var invalidated = TestQueries.NewSource();
        var other = TestQueries.NewSource();
        var keys = new[] { TestQueries.Key(invalidated), TestQueries.Key(invalidated, sql: "select 2"), TestQueries.Key(other) };
        var query = new CountingQuery("any");
        foreach (var key in keys)
        {
            await _node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        }

        await _node.Cache.InvalidateAsync(invalidated, Token);

        (await _node.Cache.GetOrRunAsync(keys[0], Ttl, query.RunAsync, Token)).Hit.ShouldBeFalse();
        (await _node.Cache.GetOrRunAsync(keys[1], Ttl, query.RunAsync, Token)).Hit.ShouldBeFalse();
        (await _node.Cache.GetOrRunAsync(keys[2], Ttl, query.RunAsync, Token)).Hit.ShouldBeTrue();
        (await _node.Cache.GetOrRunAsync(keys[0], Ttl, query.RunAsync, Token)).Hit.ShouldBeTrue();
    }

    [Fact]
    public async Task Runs_a_query_once_for_a_hundred_concurrent_identical_misses()
    {
        var key = TestQueries.Key();
        var query = new CountingQuery(TestQueries.Result("stampede"), delay: TimeSpan.FromMilliseconds(300));
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 100)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait(Token);
                return await _node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
            }, Token))
            .ToArray();
        start.Set();
        var lookups = await Task.WhenAll(callers);

        query.Runs.ShouldBe(1);
        lookups.Count(l => !l.Hit).ShouldBe(1);
        lookups.ShouldAllBe(l => l.Result.RowCount == 1);
    }

    [Fact]
    public async Task Caches_nothing_when_the_query_fails_and_lets_the_exception_through_unchanged()
    {
        var key = TestQueries.Key();
        var failure = new QueryFailedForTestException();
        var runs = 0;

        var thrown = await Should.ThrowAsync<QueryFailedForTestException>(async () =>
            await _node.Cache.GetOrRunAsync(key, Ttl, _ =>
            {
                runs++;
                throw failure;
            }, Token));
        thrown.ShouldBeSameAs(failure);

        var query = new CountingQuery("recovered");
        var next = await _node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        next.Hit.ShouldBeFalse();
        query.Runs.ShouldBe(1);
        runs.ShouldBe(1);
    }

    [Fact]
    public async Task Returns_but_does_not_cache_a_result_larger_than_the_payload_limit()
    {
        var key = TestQueries.Key();
        var query = new CountingQuery(TestQueries.Result("large", padBytes: 2_000));

        var first = await _node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        var second = await _node.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);

        first.Hit.ShouldBeFalse();
        first.Result.RowsJson.Length.ShouldBeGreaterThan(1024);
        second.Hit.ShouldBeFalse();
        query.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task Keeps_the_in_process_level_within_its_size_limit()
    {
        await using var node = CacheNode.Create(
            settings: new Dictionary<string, string?> { ["Kurobe:Cache:LocalCacheMaxMegabytes"] = "1" },
            configure: services => services.Configure<MemoryCacheOptions>(memory => memory.TrackStatistics = true));
        var memory = (MemoryCache)node.Get<IMemoryCache>();

        for (var i = 0; i < 30; i++)
        {
            var lookup = await node.Cache.GetOrRunAsync(TestQueries.Key(), Ttl, new CountingQuery(TestQueries.Result($"r{i}", padBytes: 100_000)).RunAsync, Token);
            lookup.Result.RowsJson.Length.ShouldBeGreaterThan(100_000);
        }

        var statistics = memory.GetCurrentStatistics().ShouldNotBeNull();
        statistics.CurrentEstimatedSize.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(1024 * 1024);
        statistics.CurrentEntryCount.ShouldBeInRange(1, 10);
    }

    [Fact]
    public async Task Runs_the_query_every_time_for_a_time_to_live_of_zero()
    {
        var key = TestQueries.Key();
        var query = new CountingQuery("uncached");

        (await _node.Cache.GetOrRunAsync(key, TimeSpan.Zero, query.RunAsync, Token)).Hit.ShouldBeFalse();
        (await _node.Cache.GetOrRunAsync(key, TimeSpan.Zero, query.RunAsync, Token)).Hit.ShouldBeFalse();
        query.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task Is_healthy_without_redis()
    {
        var health = await _node.HealthAsync();

        health.Status.ShouldBe(HealthStatus.Healthy);
        health.Description.ShouldBe("Redis is not configured; results are cached in process only.");
    }

    [Fact]
    public async Task Rejects_a_default_time_to_live_longer_than_the_maximum_at_start_up()
    {
        var create = () => CacheNode.Create(settings: new Dictionary<string, string?>
        {
            ["Kurobe:Cache:DefaultTtlSeconds"] = "600",
            ["Kurobe:Cache:MaxTtlSeconds"] = "60",
        });

        var error = Should.Throw<OptionsValidationException>(create);
        error.Message.ShouldContain("DefaultTtlSeconds must not exceed");
        await Task.CompletedTask;
    }

    [Fact]
    public void Rejects_a_malformed_redis_connection_string_at_start_up()
    {
        var error = Should.Throw<InvalidOperationException>(() => CacheNode.Create("127.0.0.1:6379,noSuchOption=1"));

        error.Message.ShouldStartWith("ConnectionStrings:Redis is not a valid StackExchange.Redis configuration");
    }

    private sealed class QueryFailedForTestException : Exception
    {
        public QueryFailedForTestException()
            : base("The engine said no.")
        {
        }
    }
}
