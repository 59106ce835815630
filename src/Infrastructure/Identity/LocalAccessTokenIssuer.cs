using System.Security.Claims;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kurobe.Infrastructure.Identity;

/// <summary>Issues HS256 tokens with issuer and audience <c>kurobe</c>, read back by <see cref="JwtBearerTokenValidator"/>.</summary>
internal sealed class LocalAccessTokenIssuer(LocalTokenSigningKey key, IOptions<LocalTokenOptions> options, TimeProvider timeProvider) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(Principal principal, string? email)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var now = timeProvider.GetUtcNow();
        var expires = now.AddMinutes(options.Value.LifetimeMinutes);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = principal.Id,
            [LocalClaims.Tenant] = principal.TenantId.ToString(),
            [LocalClaims.Role] = principal.Role.ToString(),
            [LocalClaims.Name] = principal.Name,
        };
        if (email is not null)
        {
            claims[JwtRegisteredClaimNames.Email] = email;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalTokenOptions.Issuer,
            Audience = LocalTokenOptions.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }
}

/// <summary>The claims of Kurobe's own tokens.</summary>
internal static class LocalClaims
{
    public const string Tenant = "tenant_id";
    public const string Role = "role";
    public const string Name = "name";
}
