using System.Diagnostics;
using Kurobe.Application.Querying.Ports;
using Kurobe.Infrastructure.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

/// <summary>One Kurobe node's cache: its own container, sharing nothing with other nodes but Redis.</summary>
internal sealed class CacheNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CacheNode(ServiceProvider services, RecordingLoggerProvider logs)
    {
        _services = services;
        Logs = logs;
    }

    public IQueryResultCache Cache => _services.GetRequiredService<IQueryResultCache>();

    public CacheOptions Options => _services.GetRequiredService<IOptions<CacheOptions>>().Value;

    public RecordingLoggerProvider Logs { get; }

    public static CacheNode Create(string? redis = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (redis is not null)
        {
            values["ConnectionStrings:Redis"] = redis;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddKurobeCaching(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        // What ValidateOnStart would check when a host starts.
        _ = provider.GetRequiredService<IOptions<CacheOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<Kurobe.Application.Querying.Caching.ResultCacheOptions>>().Value;
        return new CacheNode(provider, logs);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<HealthReportEntry> HealthAsync()
    {
        var report = await Get<HealthCheckService>().CheckHealthAsync(r => r.Name == CachingServiceCollectionExtensions.HealthCheckName, TestContext.Current.CancellationToken);
        return report.Entries[CachingServiceCollectionExtensions.HealthCheckName];
    }

    /// <summary>Polls the health check until it reports <paramref name="status"/>; returns how long that took.</summary>
    public async Task<TimeSpan> WaitForHealthAsync(HealthStatus status, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        HealthReportEntry last;
        do
        {
            last = await HealthAsync();
            if (last.Status == status)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (clock.Elapsed < within);

        throw new TimeoutException($"The cache health stayed {last.Status} ({last.Description}) for {within.TotalSeconds:0.#} s; expected {status}.");
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
