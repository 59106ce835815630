using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>Signs the JWTs the tests present, valid or deliberately not.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://project.supabase.test/auth/v1";
    public const string Audience = "authenticated";
    public const string Secret = "super-secret-jwt-token-with-at-least-32-characters-long";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static Dictionary<string, object> SupabaseClaims(string tenant = "default", string? appRole = "admin") => new()
    {
        ["sub"] = "7d3c1f4e-1111-4222-8333-944455556666",
        ["role"] = "authenticated",
        ["email"] = "ada@example.com",
        ["app_metadata"] = appRole is null
            ? new Dictionary<string, object> { ["tenant_id"] = tenant }
            : new Dictionary<string, object> { ["tenant_id"] = tenant, ["role"] = appRole },
    };

    public static string Sign(
        SigningCredentials credentials,
        IDictionary<string, object>? claims = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            Claims = claims ?? SupabaseClaims(),
            Subject = new ClaimsIdentity(),
            SigningCredentials = credentials,
        });
    }

    public static SigningCredentials Hs256(string secret = Secret) =>
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256);

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(IDictionary<string, object>? claims = null)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>(claims ?? SupabaseClaims())
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        };
        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(payload))}.";
    }
}
