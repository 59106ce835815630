using Kurobe.Application.Querying.Caching;
using Kurobe.Application.Querying.Ports;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kurobe.Infrastructure.Caching;

public static class CachingServiceCollectionExtensions
{
    public const string HealthCheckName = "cache";

    /// <summary>
    /// The query-result cache: HybridCache in process, over Redis when <c>ConnectionStrings:Redis</c> is set.
    /// </summary>
    public static IServiceCollection AddKurobeCaching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The time-to-live policy is the application's; bound here too so the cache also stands alone (as in its tests).
        services.AddOptions<ResultCacheOptions>().BindConfiguration(ResultCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHybridCache().AddSerializer<CachedQueryResult, CachedQueryResultSerializer>();
        services.AddOptions<HybridCacheOptions>().Configure<IOptions<CacheOptions>, IOptions<ResultCacheOptions>>((hybrid, cache, policy) =>
        {
            // Our own limit applies to the rows; leave room for the columns so HybridCache never drops what we keep.
            hybrid.MaximumPayloadBytes = (int)Math.Min(int.MaxValue, (long)cache.Value.MaximumPayloadBytes + (1024 * 1024));
            hybrid.DefaultEntryOptions = new HybridCacheEntryOptions
            {
                Expiration = TimeSpan.FromSeconds(Math.Max(1, policy.Value.DefaultTtlSeconds)),
                LocalCacheExpiration = TimeSpan.FromSeconds(Math.Max(1, Math.Min(policy.Value.DefaultTtlSeconds, cache.Value.LocalCacheExpirationSeconds))),
            };
        });

        // HybridCache's first level is the application's IMemoryCache, and it gives each entry its serialized size.
        // The limit applies to the whole IMemoryCache: anything else that caches there must set a Size too.
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<CacheOptions>>((memory, cache) =>
            memory.SizeLimit = (long)cache.Value.LocalCacheMaxMegabytes * 1024 * 1024);

        var redis = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            EnsureValid(redis);
            services.AddSingleton(sp => new RedisConnection(RedisConnection.Configure(redis, sp.GetRequiredService<IOptions<CacheOptions>>().Value)));
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<CacheOptions>>();
                var connection = sp.GetRequiredService<RedisConnection>();
                var redisCache = new RedisCache(Options.Create(new RedisCacheOptions
                {
                    InstanceName = options.Value.KeyPrefix,
                    ConnectionMultiplexerFactory = connection.GetAsync,
                }));
                return new ResilientDistributedCache(
                    redisCache,
                    connection,
                    options,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<ResilientDistributedCache>>());
            });

            // HybridCache takes whichever IDistributedCache is registered last as its second level.
            services.AddSingleton<IDistributedCache>(sp => sp.GetRequiredService<ResilientDistributedCache>());
        }

        services.AddSingleton<SourceGenerations>();
        services.AddSingleton<IQueryResultCache, HybridQueryResultCache>();

        services.AddHealthChecks().AddCheck<RedisCacheHealthCheck>(HealthCheckName, tags: ["ready"]);
        return services;
    }

    // A malformed connection string is a configuration error, reported at start-up rather than on the first query.
    private static void EnsureValid(string redis)
    {
        try
        {
            _ = ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"ConnectionStrings:Redis is not a valid StackExchange.Redis configuration: {exception.Message}", exception);
        }
    }
}
