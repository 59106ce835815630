using Kurobe.Infrastructure.Caching;
using Kurobe.Infrastructure.IntegrationTests.Services;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

/// <summary>Two nodes, each its own container, sharing only the test Redis (under a key prefix of their own).</summary>
public sealed class SharedRedisCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly string _prefix = $"kurobe-test:{Guid.NewGuid():N}:";
    private string _redis = "";
    private RawRedis _raw = null!;
    private CacheNode _first = null!;
    private CacheNode _second = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = TestServices.RedisConfiguration;
        _raw = await RawRedis.ConnectAsync(_redis);
        _first = await StartNodeAsync();
        _second = await StartNodeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_raw is null)
        {
            return;
        }

        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _raw.DeleteAsync(_prefix);
        await _raw.DisposeAsync();
    }

    [Fact]
    public async Task A_result_one_node_ran_is_a_hit_on_another_node()
    {
        var key = TestQueries.Key();
        var query = new CountingQuery("shared");

        (await _first.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token)).Hit.ShouldBeFalse();
        (await _raw.WaitForKeyAsync(_prefix + "result:", Patience)).ShouldBeTrue("the first node never wrote the result to Redis");
        var stored = (await _raw.KeysAsync(_prefix + "result:")).ShouldHaveSingleItem();
        (await _raw.TimeToLiveAsync(stored)).ShouldNotBeNull().ShouldBeInRange(Ttl - TimeSpan.FromMinutes(1), Ttl);
        var onSecond = await _second.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);

        onSecond.Hit.ShouldBeTrue();
        query.Runs.ShouldBe(1);
        onSecond.Result.RowsJson.ToArray().ShouldBe(TestQueries.Result("shared").RowsJson.ToArray());
        onSecond.Result.ExecutedAt.ShouldBe(TestQueries.Result("shared").ExecutedAt);
    }

    [Fact]
    public async Task Invalidating_a_source_on_one_node_reaches_another_node_within_the_generation_check_interval()
    {
        var source = TestQueries.NewSource();
        var key = TestQueries.Key(source);
        var otherKey = TestQueries.Key();
        var query = new CountingQuery("before");
        await _first.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        await _first.Cache.GetOrRunAsync(otherKey, Ttl, query.RunAsync, Token);
        (await _raw.WaitForKeyAsync(_prefix + $"result:{otherKey.Source}", Patience)).ShouldBeTrue();
        (await _raw.WaitForKeyAsync(_prefix + $"result:{source}", Patience)).ShouldBeTrue();
        (await _second.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token)).Hit.ShouldBeTrue();
        (await _second.Cache.GetOrRunAsync(otherKey, Ttl, query.RunAsync, Token)).Hit.ShouldBeTrue();

        await _first.Cache.InvalidateAsync(source, Token);
        await Task.Delay(TimeSpan.FromMilliseconds(_second.Options.GenerationCheckMilliseconds * 3), Token);

        var fresh = new CountingQuery("after");
        var onSecond = await _second.Cache.GetOrRunAsync(key, Ttl, fresh.RunAsync, Token);
        onSecond.Hit.ShouldBeFalse();
        fresh.Runs.ShouldBe(1);
        (await _second.Cache.GetOrRunAsync(otherKey, Ttl, fresh.RunAsync, Token)).Hit.ShouldBeTrue();
        (await _raw.WaitForKeyAsync(_prefix + $"result:{source}", Patience, count: 2)).ShouldBeTrue();

        // The second node's new result went to Redis under the new generation, which the first node already uses.
        var onFirst = await _first.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        onFirst.Hit.ShouldBeTrue();
        System.Text.Encoding.UTF8.GetString(onFirst.Result.RowsJson.Span).ShouldContain("after");
    }

    /// <summary>
    /// Why the cache keeps a generation per source: in this HybridCache version a tag invalidation does not reach a
    /// node that has already met the tag, not even for entries it reads back from Redis. Should a later version fix
    /// this, this test fails, and the generation could go.
    /// </summary>
    [Fact]
    public async Task HybridCache_tag_removal_alone_does_not_reach_a_node_that_has_seen_the_tag()
    {
        var first = _first.Get<HybridCache>();
        var second = _second.Get<HybridCache>();
        var key = $"experiment:{Guid.NewGuid():N}";
        string[] tags = ["source:experiment"];
        var fromL2Only = new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCache };

        await first.GetOrCreateAsync(key, _ => ValueTask.FromResult("v1"), tags: tags, cancellationToken: Token);
        (await _raw.WaitForKeyAsync(_prefix + key, Patience)).ShouldBeTrue();
        (await second.GetOrCreateAsync(key, _ => ValueTask.FromResult("unexpected"), fromL2Only, tags, Token)).ShouldBe("v1");

        await first.RemoveByTagAsync("source:experiment", Token);

        (await second.GetOrCreateAsync(key, _ => ValueTask.FromResult("v2 on second"), fromL2Only, tags, Token)).ShouldBe("v1");
        (await first.GetOrCreateAsync(key, _ => ValueTask.FromResult("v2 on first"), fromL2Only, tags, Token)).ShouldBe("v2 on first");
    }

    [Fact]
    public async Task Treats_a_result_stored_in_another_format_version_as_a_miss()
    {
        var key = TestQueries.Key();
        var result = TestQueries.Result("old format");
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        new CachedQueryResultSerializer().Serialize(result, writer);
        await _first.Cache.GetOrRunAsync(key, Ttl, new CountingQuery(result).RunAsync, Token);
        (await _raw.WaitForKeyAsync(_prefix + "result:", Patience)).ShouldBeTrue();
        var stored = (await _raw.KeysAsync(_prefix + "result:")).ShouldHaveSingleItem();

        await _raw.CorruptAsync(stored, writer.WrittenSpan.ToArray(), value: CachedQueryResultSerializer.Version + 1);

        var query = new CountingQuery("new format");
        var onSecond = await _second.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token);
        onSecond.Hit.ShouldBeFalse();
        query.Runs.ShouldBe(1);
        (await _second.Cache.GetOrRunAsync(key, Ttl, query.RunAsync, Token)).Hit.ShouldBeTrue();
        _second.Logs.Count(nameof(HybridQueryResultCache), eventId: 1).ShouldBe(1);
    }

    [Fact]
    public async Task Reports_healthy_while_redis_answers()
    {
        var health = await _first.HealthAsync();

        health.Status.ShouldBe(HealthStatus.Healthy);
        health.Description.ShouldBe("Redis answers; results are shared between nodes.");
    }

    private async Task<CacheNode> StartNodeAsync()
    {
        var node = CacheNode.Create(_redis, new Dictionary<string, string?>
        {
            ["Kurobe:Cache:KeyPrefix"] = _prefix,
            ["Kurobe:Cache:GenerationCheckMilliseconds"] = "200",

            // Generous: the shared Redis serves other test runs on a loaded machine, and this class is about sharing.
            ["Kurobe:Cache:RedisOperationTimeoutMilliseconds"] = "2000",
        });
        await node.WaitForHealthAsync(HealthStatus.Healthy, Patience);
        return node;
    }
}
