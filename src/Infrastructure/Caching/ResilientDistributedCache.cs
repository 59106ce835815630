using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Caching;

/// <summary>
/// The Redis second level of the query-result cache, made harmless when Redis is down or hung. Every operation is
/// bounded to <see cref="CacheOptions.RedisOperationTimeoutMilliseconds"/>; any failure or timeout reads as a miss
/// (or a write that did not happen), is logged once per outage, and opens a circuit: for
/// <see cref="CacheOptions.RedisRetryAfterSeconds"/> Redis is skipped entirely, then one request probes it, and the
/// first success closes the circuit again. While the multiplexer is disconnected Redis is skipped as well.
/// </summary>
/// <remarks>
/// Deliberately not an <c>IBufferDistributedCache</c>: a read that times out is abandoned but keeps running, and it
/// must not write into a pooled buffer that HybridCache has already reused. Reads therefore cost one array copy.
/// </remarks>
internal sealed partial class ResilientDistributedCache : IDistributedCache
{
    private const string ProbeKey = "probe";

    private readonly IDistributedCache _inner;
    private readonly RedisConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger<ResilientDistributedCache> _logger;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _retryAfter;

    // 0 while the circuit is closed; otherwise the TimeProvider timestamp from which one probe may pass.
    private long _retryAt;
    private int _probing;
    private int _unavailable;

    // Counts failures, so an operation that succeeds after another one failed meanwhile does not close the circuit.
    private long _failures;

    public ResilientDistributedCache(
        IDistributedCache inner,
        RedisConnection connection,
        IOptions<CacheOptions> options,
        TimeProvider time,
        ILogger<ResilientDistributedCache> logger)
    {
        _inner = inner;
        _connection = connection;
        _time = time;
        _logger = logger;
        _timeout = TimeSpan.FromMilliseconds(options.Value.RedisOperationTimeoutMilliseconds);
        _retryAfter = TimeSpan.FromSeconds(options.Value.RedisRetryAfterSeconds);
    }

    public RedisCacheState State
    {
        get
        {
            if (!_connection.HasAttempted && Volatile.Read(ref _unavailable) == 0)
            {
                return RedisCacheState.Connecting;
            }

            return Volatile.Read(ref _retryAt) == 0 && Volatile.Read(ref _unavailable) == 0 && _connection.IsConnected
                ? RedisCacheState.Available
                : RedisCacheState.Unavailable;
        }
    }

    public byte[]? Get(string key) => Run(() => _inner.Get(key));

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        (await ExecuteAsync(t => _inner.GetAsync(key, t), token).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="GetAsync"/>, but tells a missing key apart from a Redis that did not answer.</summary>
    public Task<(bool Answered, byte[]? Value)> TryGetAsync(string key, CancellationToken token) =>
        ExecuteAsync(t => _inner.GetAsync(key, t), token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Run(() =>
        {
            _inner.Set(key, value, options);
            return true;
        });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        ExecuteAsync(async t =>
        {
            await _inner.SetAsync(key, value, options, t).ConfigureAwait(false);
            return true;
        }, token);

    public void Refresh(string key) =>
        Run(() =>
        {
            _inner.Refresh(key);
            return true;
        });

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        ExecuteAsync(async t =>
        {
            await _inner.RefreshAsync(key, t).ConfigureAwait(false);
            return true;
        }, token);

    public void Remove(string key) =>
        Run(() =>
        {
            _inner.Remove(key);
            return true;
        });

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        ExecuteAsync(async t =>
        {
            await _inner.RemoveAsync(key, t).ConfigureAwait(false);
            return true;
        }, token);

    /// <summary>One bounded read, subject to the circuit like any other, so the health check sees the current state.</summary>
    public Task ProbeAsync(CancellationToken token) => ExecuteAsync(t => _inner.GetAsync(ProbeKey, t), token);

    private async Task<(bool Answered, T? Value)> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken token)
    {
        if (!TryEnter(out var probe, out var failures))
        {
            return (false, default);
        }

        Task<T>? pending = null;
        try
        {
            pending = operation(token);
            var value = await pending.WaitAsync(_timeout, _time, token).ConfigureAwait(false);
            OnSuccess(probe, failures);
            return (true, value);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Observe(pending);
            throw;
        }
        catch (Exception exception)
        {
            Observe(pending);
            OnFailure(exception);
            return (false, default);
        }
        finally
        {
            if (probe)
            {
                Volatile.Write(ref _probing, 0);
            }
        }
    }

    private T? Run<T>(Func<T> operation)
    {
        if (!TryEnter(out var probe, out var failures))
        {
            return default;
        }

        try
        {
            var value = operation();
            OnSuccess(probe, failures);
            return value;
        }
        catch (Exception exception)
        {
            OnFailure(exception);
            return default;
        }
        finally
        {
            if (probe)
            {
                Volatile.Write(ref _probing, 0);
            }
        }
    }

    private bool TryEnter(out bool probe, out long failures)
    {
        probe = false;
        failures = Interlocked.Read(ref _failures);
        _connection.Start();
        if (!_connection.IsConnected)
        {
            if (_connection.HasAttempted)
            {
                ReportOutage(null);
            }

            return false;
        }

        var retryAt = Volatile.Read(ref _retryAt);
        if (retryAt == 0)
        {
            return true;
        }

        if (_time.GetTimestamp() < retryAt || Interlocked.CompareExchange(ref _probing, 1, 0) != 0)
        {
            return false;
        }

        probe = true;
        return true;
    }

    private void OnSuccess(bool probe, long failuresAtStart)
    {
        if (!probe && Interlocked.Read(ref _failures) != failuresAtStart)
        {
            return;
        }

        Volatile.Write(ref _retryAt, 0);
        if (Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            LogRedisAvailable(_logger);
        }
    }

    private void OnFailure(Exception exception)
    {
        var retryAt = _time.GetTimestamp() + (long)(_retryAfter.TotalSeconds * _time.TimestampFrequency);
        Volatile.Write(ref _retryAt, retryAt);
        ReportOutage(exception);
    }

    private void ReportOutage(Exception? exception)
    {
        Interlocked.Increment(ref _failures);
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            LogRedisUnavailable(_logger, exception?.GetType().Name ?? "not connected", (int)_retryAfter.TotalSeconds, exception);
        }
    }

    // An abandoned operation may still fail later; observe it so it does not surface as an unobserved task exception.
    private static void Observe(Task? pending)
    {
        if (pending is { IsCompleted: false })
        {
            _ = pending.ContinueWith(
                static t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Redis is unreachable ({Reason}); query results are cached in process only and Redis is probed again every {RetryAfterSeconds} s")]
    private static partial void LogRedisUnavailable(ILogger logger, string reason, int retryAfterSeconds, Exception? exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Redis answers again; query results are shared through it again")]
    private static partial void LogRedisAvailable(ILogger logger);
}

internal enum RedisCacheState
{
    Connecting,
    Available,
    Unavailable,
}
