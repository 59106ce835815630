using System.Text;
using System.Text.Json;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kurobe.Infrastructure.Identity;

/// <summary>
/// Validates bearer JWTs: Kurobe's own (issuer <c>kurobe</c>, HS256 with the local signing key) and, when configured,
/// an external provider's (HS256 with its shared secret, or RS256/ES256 with its JWKS). Each kind of key accepts only
/// its own algorithms, so <c>alg: none</c> and HS256 tokens "signed" with a public key are refused; issuer, audience,
/// expiry and not-before are always checked.
/// </summary>
internal sealed class JwtBearerTokenValidator(
    LocalTokenSigningKey localKey,
    IOptions<JwtOptions> options,
    JwksKeySource jwks,
    TimeProvider timeProvider) : IBearerTokenValidator
{
    private static readonly string[] SymmetricAlgorithms = [SecurityAlgorithms.HmacSha256];
    private static readonly string[] RsaAlgorithms = [SecurityAlgorithms.RsaSha256];
    private static readonly string[] EcAlgorithms = [SecurityAlgorithms.EcdsaSha256];
    private const string SupabaseAuthenticatedRole = "authenticated";
    private const string AppMetadataRole = "app_metadata.role";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<BearerTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!_handler.CanReadToken(token))
        {
            return BearerTokenValidation.Invalid("not a JWT");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return BearerTokenValidation.Invalid("not a JWT");
        }

        var settings = options.Value;
        var local = string.Equals(unverified.Issuer, LocalTokenOptions.Issuer, StringComparison.Ordinal);
        if (!local && !settings.Enabled)
        {
            return BearerTokenValidation.Invalid("not issued by Kurobe, and no external identity provider is configured");
        }

        var parameters = local ? LocalParameters() : await ExternalParametersAsync(settings, unverified, cancellationToken);
        if (parameters is null)
        {
            return BearerTokenValidation.Invalid($"algorithm '{unverified.Alg}' is not accepted");
        }

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken valid)
        {
            return BearerTokenValidation.Invalid(result.Exception?.GetType().Name ?? "invalid");
        }

        return local ? ReadLocal(valid) : ReadExternal(valid, settings);
    }

    private TokenValidationParameters LocalParameters() => Parameters(
        LocalTokenOptions.Issuer, LocalTokenOptions.Audience, [localKey.Key], SymmetricAlgorithms, TimeSpan.FromSeconds(5));

    private async Task<TokenValidationParameters?> ExternalParametersAsync(JwtOptions settings, JsonWebToken token, CancellationToken cancellationToken)
    {
        var skew = TimeSpan.FromSeconds(settings.ClockSkewSeconds);
        if (!string.IsNullOrWhiteSpace(settings.Secret))
        {
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.Secret));
            return Parameters(settings.Issuer!, settings.Audience!, [key], SymmetricAlgorithms, skew);
        }

        // Only keys of the type the token's algorithm needs: an RSA key never verifies an HMAC, or the reverse.
        var (algorithms, keyType) = token.Alg switch
        {
            SecurityAlgorithms.RsaSha256 => (RsaAlgorithms, typeof(RsaSecurityKey)),
            SecurityAlgorithms.EcdsaSha256 => (EcAlgorithms, typeof(ECDsaSecurityKey)),
            _ => (null, null),
        };
        if (algorithms is null)
        {
            return null;
        }

        var keys = await jwks.GetKeysAsync(token.Kid is { Length: > 0 } kid ? kid : null, cancellationToken);
        var matching = keys.Where(k => keyType!.IsInstanceOfType(k) || (k is JsonWebKey jwk && MatchesType(jwk, keyType!))).ToList();
        return Parameters(settings.Issuer!, settings.Audience!, matching, algorithms, skew);
    }

    private static bool MatchesType(JsonWebKey key, Type keyType) =>
        keyType == typeof(RsaSecurityKey) ? key.Kty == JsonWebAlgorithmsKeyTypes.RSA : key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve;

    private TokenValidationParameters Parameters(string issuer, string audience, IReadOnlyList<SecurityKey> keys, string[] algorithms, TimeSpan skew) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        IssuerSigningKeys = keys,
        ValidAlgorithms = algorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        TryAllIssuerSigningKeys = true,
        ClockSkew = skew,
        LifetimeValidator = (notBefore, expires, _, p) => ValidLifetime(notBefore, expires, p.ClockSkew),
    };

    // The handler's own lifetime check reads the system clock; this one reads the server's TimeProvider.
    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }

    private static BearerTokenValidation ReadLocal(JsonWebToken token)
    {
        var payload = Payload(token);
        var role = ParseRole(Claim(payload, LocalClaims.Role));
        if (Claim(payload, JwtRegisteredClaimNames.Sub) is not { } subject || Claim(payload, LocalClaims.Tenant) is not { } tenant || role is null)
        {
            return BearerTokenValidation.Invalid("a Kurobe token without subject, tenant or role");
        }

        return BearerTokenValidation.Valid(new BearerTokenClaims(subject, tenant, role.Value, Claim(payload, LocalClaims.Name) ?? subject, ExpiresAt(token)));
    }

    private static BearerTokenValidation ReadExternal(JsonWebToken token, JwtOptions settings)
    {
        var payload = Payload(token);
        if (Claim(payload, settings.UserClaim) is not { } subject)
        {
            return BearerTokenValidation.Invalid($"no '{settings.UserClaim}' claim");
        }

        if ((Claim(payload, settings.TenantClaim) ?? settings.DefaultTenant) is not { } tenant)
        {
            return BearerTokenValidation.Invalid($"no '{settings.TenantClaim}' claim");
        }

        var roleText = Claim(payload, settings.RoleClaim);
        if (roleText is null || string.Equals(roleText, SupabaseAuthenticatedRole, StringComparison.Ordinal))
        {
            roleText = Claim(payload, AppMetadataRole) ?? roleText;
        }

        var role = roleText is null || string.Equals(roleText, SupabaseAuthenticatedRole, StringComparison.Ordinal)
            ? settings.DefaultRole
            : ParseRole(roleText);
        if (role is null)
        {
            // Supabase's anon and service_role tokens, or a role Kurobe does not know.
            return BearerTokenValidation.Invalid($"role '{roleText}' is not a Kurobe role");
        }

        var name = Claim(payload, settings.EmailClaim) ?? Claim(payload, "name") ?? subject;
        return BearerTokenValidation.Valid(new BearerTokenClaims(subject, tenant, role.Value, name, ExpiresAt(token)));
    }

    private static Role? ParseRole(string? text) =>
        text is not null && !int.TryParse(text, out _) && Enum.TryParse<Role>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : null;

    private static DateTimeOffset ExpiresAt(JsonWebToken token) => new(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc));

    private static JsonElement Payload(JsonWebToken token)
    {
        using var document = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        return document.RootElement.Clone();
    }

    /// <summary>A claim's text; a dotted path reaches into nested objects (<c>app_metadata.tenant_id</c>).</summary>
    internal static string? Claim(JsonElement payload, string path)
    {
        var current = payload;
        if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(path, out var direct))
        {
            current = direct;
        }
        else
        {
            foreach (var segment in path.Split('.'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
                {
                    return null;
                }
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
    }
}
