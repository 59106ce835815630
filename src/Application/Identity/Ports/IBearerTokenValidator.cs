using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Identity.Ports;

/// <summary>
/// What a valid bearer token says about its holder. <see cref="Tenant"/> is the tenant claim as written (an id or a
/// slug); the tenant must still be found.
/// </summary>
public sealed record BearerTokenClaims(string Subject, string Tenant, Role Role, string Name, DateTimeOffset ExpiresAt);

/// <summary>Why a bearer token was refused, or what it says.</summary>
public sealed record BearerTokenValidation(BearerTokenClaims? Claims, string? Failure)
{
    public static BearerTokenValidation Valid(BearerTokenClaims claims) => new(claims, null);

    public static BearerTokenValidation Invalid(string failure) => new(null, failure);
}

/// <summary>Checks a bearer token's signature, issuer, audience and lifetime, and reads its claims.</summary>
public interface IBearerTokenValidator
{
    Task<BearerTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken);
}
