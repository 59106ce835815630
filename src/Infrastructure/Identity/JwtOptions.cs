using System.ComponentModel.DataAnnotations;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Infrastructure.Identity;

/// <summary>
/// Bearer tokens of an external identity provider (Supabase Auth, Auth0, Keycloak, ...). Off unless
/// <see cref="Secret"/> (HS256) or <see cref="JwksUrl"/> (RS256/ES256) is set; then <see cref="Issuer"/> and
/// <see cref="Audience"/> are required too.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Kurobe:Auth:Jwt";

    /// <summary>The required <c>iss</c>, e.g. <c>https://&lt;project&gt;.supabase.co/auth/v1</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The required <c>aud</c>; Supabase's is <c>authenticated</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>The HS256 shared secret (Supabase's legacy "JWT secret"), at least 32 bytes.</summary>
    public string? Secret { get; set; }

    /// <summary>Where the provider publishes its public keys (RS256, ES256), e.g. <c>.../auth/v1/.well-known/jwks.json</c>.</summary>
    public Uri? JwksUrl { get; set; }

    [Range(0, 600)]
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>How long fetched keys are used before they are fetched again.</summary>
    [Range(1, 1440)]
    public int JwksCacheMinutes { get; set; } = 60;

    /// <summary>The least time between two fetches of the keys, however many tokens name an unknown key.</summary>
    [Range(1, 3600)]
    public int JwksMinimumRefreshSeconds { get; set; } = 30;

    /// <summary>The claim that identifies the user.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserClaim { get; set; } = "sub";

    /// <summary>The claim that names the tenant (its id or slug); a dotted path reaches into objects (<c>app_metadata.tenant_id</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string TenantClaim { get; set; } = "tenant_id";

    /// <summary>The claim with the user's role; when it is missing or <c>authenticated</c>, <c>app_metadata.role</c> is read.</summary>
    [Required(AllowEmptyStrings = false)]
    public string RoleClaim { get; set; } = "role";

    [Required(AllowEmptyStrings = false)]
    public string EmailClaim { get; set; } = "email";

    /// <summary>The role of a user whose token says only <c>authenticated</c> (Supabase's role for any signed-in user).</summary>
    public Role DefaultRole { get; set; } = Role.Viewer;

    /// <summary>The tenant (slug) of tokens without a tenant claim; unset refuses them.</summary>
    public string? DefaultTenant { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Secret) || JwksUrl is not null;
}

/// <summary>Kurobe's own bearer tokens, issued to local users by the <c>login</c> mutation.</summary>
public sealed class LocalTokenOptions
{
    public const string SectionName = "Kurobe:Auth:LocalTokens";

    public const string Issuer = "kurobe";

    public const string Audience = "kurobe";

    public const string KeyFileName = "token-signing.key";

    [Range(1, 1440)]
    public int LifetimeMinutes { get; set; } = 15;

    /// <summary>
    /// The HS256 signing key: at least 32 random bytes, base64 (<c>openssl rand -base64 32</c>). Every node of a
    /// cluster needs the same one. When unset, one is generated on first start into <see cref="KeyFileName"/> in the
    /// data directory, readable by the owner only.
    /// </summary>
    public string? SigningKey { get; set; }
}
