using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Microsoft.Extensions.Logging;

namespace Kurobe.Application.Identity.Authentication;

/// <summary>
/// Turns a request's credentials into a <see cref="Principal"/>: an API key (as a bearer token or <c>X-API-Key</c>)
/// or a JWT (Kurobe's own, or an external identity provider's). Refusals say little on purpose.
/// </summary>
public sealed partial class Authenticator(
    IIdentityStore store,
    IBearerTokenValidator tokens,
    TimeProvider timeProvider,
    ILogger<Authenticator> logger)
{
    public const string InvalidApiKey = "The API key is invalid, expired or revoked.";
    public const string InvalidToken = "The bearer token is invalid or expired.";

    public async Task<AuthenticationResult> AuthenticateAsync(Credentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var bearer = string.IsNullOrWhiteSpace(credentials.Bearer) ? null : credentials.Bearer.Trim();
        var apiKey = string.IsNullOrWhiteSpace(credentials.ApiKey) ? null : credentials.ApiKey.Trim();
        if (bearer is null && apiKey is null)
        {
            return AuthenticationResult.Fail(credentials.Bearer is not null
                ? "The Authorization header must use the Bearer scheme."
                : "This endpoint needs credentials: an API key (Authorization: Bearer kb_... or X-API-Key) or a bearer token.");
        }

        if (bearer is not null && apiKey is not null && !string.Equals(bearer, apiKey, StringComparison.Ordinal))
        {
            return AuthenticationResult.Fail("Send one credential: either an Authorization header or an X-API-Key header, not two different ones.");
        }

        if (apiKey is not null || ApiKeySecret.LooksLikeApiKey(bearer))
        {
            return await AuthenticateApiKeyAsync(apiKey ?? bearer!, cancellationToken);
        }

        return await AuthenticateTokenAsync(bearer!, cancellationToken);
    }

    private async Task<AuthenticationResult> AuthenticateApiKeyAsync(string text, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryParse(text, out var lookupId, out var secret))
        {
            return AuthenticationResult.Fail(InvalidApiKey);
        }

        var key = await store.FindApiKeyByLookupIdAsync(lookupId, cancellationToken);
        // An unknown key is hashed too, so that the time taken does not tell whether the lookup id exists.
        var matches = ApiKeySecret.Matches(secret, key is null ? new byte[32] : key.SecretHash.Span);
        var now = timeProvider.GetUtcNow();
        if (key is null || !matches || !key.IsUsable(now))
        {
            LogApiKeyRefused(logger, lookupId, key is null ? "unknown" : !matches ? "wrong secret" : key.IsRevoked ? "revoked" : "expired");
            return AuthenticationResult.Fail(InvalidApiKey);
        }

        if (key.ShouldRecordUse(now))
        {
            key.RecordUse(now);
            await store.RecordApiKeyUseAsync(key.Id, now, cancellationToken);
        }

        return AuthenticationResult.Success(
            new Principal(key.TenantId, PrincipalKind.ApiKey, key.Id.ToString(), key.Name, key.Role),
            key.ExpiresAt);
    }

    private async Task<AuthenticationResult> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
    {
        var validation = await tokens.ValidateAsync(token, cancellationToken);
        if (validation.Claims is not { } claims)
        {
            LogTokenRefused(logger, validation.Failure ?? "invalid");
            return AuthenticationResult.Fail(InvalidToken);
        }

        var tenant = TenantId.TryParse(claims.Tenant, out var id)
            ? await store.FindTenantAsync(id, cancellationToken)
            : Tenant.IsValidSlug(claims.Tenant) ? await store.FindTenantBySlugAsync(claims.Tenant, cancellationToken) : null;
        if (tenant is null)
        {
            LogTokenRefused(logger, "its tenant does not exist");
            return AuthenticationResult.Fail(InvalidToken);
        }

        return AuthenticationResult.Success(
            new Principal(tenant.Id, PrincipalKind.User, claims.Subject, claims.Name, claims.Role),
            claims.ExpiresAt);
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "API key {LookupId} refused: {Reason}")]
    private static partial void LogApiKeyRefused(ILogger logger, string lookupId, string reason);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Bearer token refused: {Reason}")]
    private static partial void LogTokenRefused(ILogger logger, string reason);
}
