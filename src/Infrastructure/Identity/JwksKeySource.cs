using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Kurobe.Infrastructure.Identity;

/// <summary>
/// The identity provider's public keys, fetched from its JWKS URL and cached. A token signed with a key the cache does
/// not know (the provider rotated its keys) triggers a fetch, at most once per
/// <see cref="JwtOptions.JwksMinimumRefreshSeconds"/>, so that tokens with made-up key ids cannot make the server
/// hammer the provider. A failed fetch keeps the keys it had.
/// </summary>
internal sealed partial class JwksKeySource(
    IHttpClientFactory httpClients,
    IOptions<JwtOptions> options,
    TimeProvider timeProvider,
    ILogger<JwksKeySource> logger) : IDisposable
{
    public const string HttpClientName = "kurobe-jwks";

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _attemptedAt = DateTimeOffset.MinValue;

    /// <summary>The keys, fetched first when there are none, they are old, or none has <paramref name="keyId"/>.</summary>
    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (!NeedsFetch(keyId))
        {
            return Volatile.Read(ref _keys);
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (NeedsFetch(keyId))
            {
                await FetchAsync(cancellationToken);
            }
        }
        finally
        {
            _fetching.Release();
        }

        return Volatile.Read(ref _keys);
    }

    private bool NeedsFetch(string? keyId)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var keys = Volatile.Read(ref _keys);
        var stale = keys.Count == 0 || now - _fetchedAt >= TimeSpan.FromMinutes(settings.JwksCacheMinutes);
        var unknown = keyId is not null && !keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
        return (stale || unknown) && now - _attemptedAt >= TimeSpan.FromSeconds(settings.JwksMinimumRefreshSeconds);
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.JwksUrl!;
        _attemptedAt = timeProvider.GetUtcNow();
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            var json = await client.GetStringAsync(url, cancellationToken);
            var keys = new JsonWebKeySet(json).GetSigningKeys();
            Volatile.Write(ref _keys, [.. keys]);
            _fetchedAt = _attemptedAt;
            LogFetched(logger, keys.Count, url);
        }
        catch (Exception exception) when (exception is HttpRequestException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFetchFailed(logger, url, exception);
        }
    }

    public void Dispose() => _fetching.Dispose();

    [LoggerMessage(EventId = 4410, Level = LogLevel.Information, Message = "Fetched {Count} signing keys from {JwksUrl}")]
    private static partial void LogFetched(ILogger logger, int count, Uri jwksUrl);

    [LoggerMessage(EventId = 4411, Level = LogLevel.Warning, Message = "Could not fetch signing keys from {JwksUrl}; keeping the keys fetched before")]
    private static partial void LogFetchFailed(ILogger logger, Uri jwksUrl, Exception exception);
}
