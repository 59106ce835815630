using StackExchange.Redis;

namespace Kurobe.Infrastructure.Caching;

/// <summary>
/// The one StackExchange.Redis multiplexer of the cache. It connects in the background on first use and never
/// blocks or fails start-up: with <c>AbortOnConnectFail=false</c> an unreachable Redis yields a multiplexer that
/// keeps reconnecting by itself, and until it is connected the cache simply does not use Redis.
/// </summary>
internal sealed class RedisConnection(ConfigurationOptions configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer = new(() => ConnectAsync(configuration), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True once the first connection attempt has finished, whatever its outcome.</summary>
    public bool HasAttempted => _multiplexer.IsValueCreated && _multiplexer.Value.IsCompleted;

    public bool IsConnected =>
        _multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully && _multiplexer.Value.Result.IsConnected;

    /// <summary>Starts connecting if nothing has yet; never waits.</summary>
    public void Start() => _ = _multiplexer.Value;

    /// <summary>For <c>RedisCacheOptions.ConnectionMultiplexerFactory</c>.</summary>
    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    public static ConfigurationOptions Configure(string connectionString, CacheOptions options)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        var operationTimeout = Math.Max(options.RedisOperationTimeoutMilliseconds, 50);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectRetry = 2;
        configuration.ConnectTimeout = Math.Clamp(operationTimeout * 10, 1_000, 5_000);

        // Callers never wait longer than the operation timeout (the resilient cache abandons the wait), so these only
        // bound how long an abandoned command lingers in the multiplexer before it is failed and observed.
        configuration.SyncTimeout = operationTimeout * 2;
        configuration.AsyncTimeout = operationTimeout * 2;

        // Reconnect soon after Redis returns rather than backing off exponentially for tens of seconds.
        configuration.ReconnectRetryPolicy = new LinearRetry(1_000);
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_multiplexer.IsValueCreated)
        {
            return;
        }

        var connecting = _multiplexer.Value;
        try
        {
            var multiplexer = await connecting.ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception) when (connecting.IsFaulted)
        {
            // Never connected; nothing to release.
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration) =>
        await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
}
