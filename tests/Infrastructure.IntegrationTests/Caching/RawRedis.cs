using StackExchange.Redis;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

/// <summary>A plain StackExchange.Redis connection, to look at what the cache really stored.</summary>
internal sealed class RawRedis : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;

    private RawRedis(ConnectionMultiplexer connection) => _connection = connection;

    public static async Task<RawRedis> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AllowAdmin = true;
        options.AbortOnConnectFail = false;
        return new RawRedis(await ConnectionMultiplexer.ConnectAsync(options));
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        foreach (var endpoint in _connection.GetEndPoints())
        {
            await foreach (var key in _connection.GetServer(endpoint).KeysAsync(pattern: prefix + "*"))
            {
                keys.Add(key.ToString());
            }
        }

        return keys;
    }

    /// <summary>Polls until <paramref name="count"/> keys start with <paramref name="prefix"/>; false if they do not in time.</summary>
    public async Task<bool> WaitForKeyAsync(string prefix, TimeSpan within, int count = 1)
    {
        var deadline = DateTime.UtcNow + within;
        do
        {
            if ((await KeysAsync(prefix)).Count >= count)
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        return false;
    }

    public async Task<TimeSpan?> TimeToLiveAsync(string key) => await _connection.GetDatabase().KeyTimeToLiveAsync(key);

    /// <summary>Overwrites the first byte of <paramref name="payload"/> inside what RedisCache stored under <paramref name="key"/>.</summary>
    public async Task CorruptAsync(string key, byte[] payload, byte value)
    {
        var database = _connection.GetDatabase();
        var data = (byte[]?)await database.HashGetAsync(key, "data") ?? throw new InvalidOperationException($"{key} holds no data.");
        var at = data.AsSpan().IndexOf(payload);
        if (at < 0)
        {
            throw new InvalidOperationException($"{key} does not hold the payload.");
        }

        data[at] = value;
        await database.HashSetAsync(key, "data", data);
    }

    public async Task DeleteAsync(string prefix)
    {
        var keys = await KeysAsync(prefix);
        if (keys.Count > 0)
        {
            await _connection.GetDatabase().KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
