using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

/// <summary>
/// What this HybridCache version does on its own with a failing second level, recorded because the cache's design
/// leans on it: should an upgrade change it, these fail first.
/// </summary>
public sealed class HybridCacheBehaviourTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Treats_a_failing_second_level_as_a_miss_but_waits_for_it_as_long_as_it_hangs()
    {
        var failing = new FailingDistributedCache(delay: TimeSpan.Zero);
        await using var failingServices = Build(failing);
        var cache = failingServices.GetRequiredService<HybridCache>();

        (await cache.GetOrCreateAsync("key", _ => ValueTask.FromResult("ran"), cancellationToken: Token)).ShouldBe("ran");
        failing.Calls.ShouldBeGreaterThan(0);

        var hanging = new FailingDistributedCache(delay: TimeSpan.FromSeconds(1));
        await using var hangingServices = Build(hanging);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await hangingServices.GetRequiredService<HybridCache>().GetOrCreateAsync("key", _ => ValueTask.FromResult("ran"), cancellationToken: Token);

        // No timeout of its own: a hung Redis would hold every query, hence ResilientDistributedCache.
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
    }

    private static ServiceProvider Build(IDistributedCache secondLevel)
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        services.AddSingleton(secondLevel);
        return services.BuildServiceProvider();
    }

    private sealed class FailingDistributedCache(TimeSpan delay) : IDistributedCache
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public byte[]? Get(string key) => throw Fail();

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            await Task.Delay(delay, token);
            throw Fail();
        }

        public void Refresh(string key) => throw Fail();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw Fail();

        public void Remove(string key) => throw Fail();

        public Task RemoveAsync(string key, CancellationToken token = default) => throw Fail();

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Fail();

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            await Task.Delay(delay, token);
            throw Fail();
        }

        private InvalidOperationException Fail()
        {
            Interlocked.Increment(ref _calls);
            return new InvalidOperationException("The second level is down.");
        }
    }
}
