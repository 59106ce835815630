using System.Net;
using System.Text;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Api.FunctionalTests.WebSockets;
using Microsoft.IdentityModel.Tokens;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>A server that accepts Supabase-style HS256 tokens (tenant and role in app_metadata).</summary>
public sealed class Hs256Server : IAsyncDisposable
{
    public KurobeApiFactory Factory { get; } = new KurobeApiFactory()
        .WithSetting("Kurobe:Auth:Jwt:Issuer", TestTokens.Issuer)
        .WithSetting("Kurobe:Auth:Jwt:Audience", TestTokens.Audience)
        .WithSetting("Kurobe:Auth:Jwt:Secret", TestTokens.Secret)
        .WithSetting("Kurobe:Auth:Jwt:TenantClaim", "app_metadata.tenant_id")
        .WithSetting("Kurobe:Auth:Jwt:ClockSkewSeconds", "0");

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>Bearer JWTs of an external provider with a shared secret (HS256), positives and negatives.</summary>
public sealed class JwtHs256Tests(Hs256Server server) : IClassFixture<Hs256Server>
{
    private const string Me = "{ me { kind id name role tenant { slug } } }";

    [Fact]
    public async Task A_supabase_shaped_token_authenticates_a_user_with_the_tenant_and_role_of_its_app_metadata()
    {
        using var client = server.Factory.CreateAnonymousClient();

        var (response, body) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {TestTokens.Sign(TestTokens.Hs256())}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = body.GetProperty("data").GetProperty("me");
        me.GetProperty("kind").GetString().ShouldBe("USER");
        me.GetProperty("id").GetString().ShouldBe("7d3c1f4e-1111-4222-8333-944455556666");
        me.GetProperty("name").GetString().ShouldBe("ada@example.com");
        me.GetProperty("role").GetString().ShouldBe("ADMIN");
        me.GetProperty("tenant").GetProperty("slug").GetString().ShouldBe("default");
        response.Dispose();
    }

    [Fact]
    public async Task Supabase_authenticated_without_an_app_role_gets_the_default_role()
    {
        using var client = server.Factory.CreateAnonymousClient();

        var (_, body) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {TestTokens.Sign(TestTokens.Hs256(), TestTokens.SupabaseClaims(appRole: null))}");

        body.GetProperty("data").GetProperty("me").GetProperty("role").GetString().ShouldBe("VIEWER");
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "alg none", TestTokens.Unsigned() },
        { "wrong key", TestTokens.Sign(TestTokens.Hs256("another-secret-that-is-also-at-least-32-bytes")) },
        { "wrong issuer", TestTokens.Sign(TestTokens.Hs256(), issuer: "https://evil.example/auth/v1") },
        { "wrong audience", TestTokens.Sign(TestTokens.Hs256(), audience: "someone-else") },
        { "expired", TestTokens.Sign(TestTokens.Hs256(), notBefore: DateTime.UtcNow.AddMinutes(-30), expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "not yet valid", TestTokens.Sign(TestTokens.Hs256(), notBefore: DateTime.UtcNow.AddMinutes(5), expires: DateTime.UtcNow.AddMinutes(30)) },
        { "unknown tenant", TestTokens.Sign(TestTokens.Hs256(), TestTokens.SupabaseClaims(tenant: "nobody")) },
        { "anon role", TestTokens.Sign(TestTokens.Hs256(), TestTokens.SupabaseClaims(appRole: "anon")) },
        { "kurobe issuer, foreign key", TestTokens.Sign(TestTokens.Hs256(), issuer: "kurobe", audience: "kurobe") },
        { "not a JWT", "definitely.not.a-jwt" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_that_fails_a_check_is_401(string why, string token)
    {
        using var client = server.Factory.CreateAnonymousClient();

        var (response, body) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {token}");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, why);
        body.ErrorCode().ShouldBe("UNAUTHENTICATED");
        response.Dispose();
    }

    [Fact]
    public async Task A_WebSocket_with_a_bad_token_in_connection_init_is_closed_with_4403()
    {
        var factory = server.Factory;
        var saved = factory.DefaultApiKey;
        factory.DefaultApiKey = null;
        try
        {
            await using var client = await GraphQLWsTestClient.ConnectAsync(factory);
            await client.InitAsync(new Dictionary<string, string> { ["Authorization"] = $"Bearer {TestTokens.Unsigned()}" });

            var close = await client.ReceiveCloseAsync();

            close.CloseStatus.ShouldBe(4403);
        }
        finally
        {
            factory.DefaultApiKey = saved;
        }
    }

    [Fact]
    public async Task A_WebSocket_without_credentials_is_closed_with_4403()
    {
        var factory = server.Factory;
        var saved = factory.DefaultApiKey;
        factory.DefaultApiKey = null;
        try
        {
            await using var client = await GraphQLWsTestClient.ConnectAsync(factory);
            await client.SendAsync("""{"type":"connection_init"}""");

            (await client.ReceiveCloseAsync()).CloseStatus.ShouldBe(4403);
        }
        finally
        {
            factory.DefaultApiKey = saved;
        }
    }

    [Fact]
    public async Task A_WebSocket_closes_with_4403_when_its_token_expires()
    {
        var token = TestTokens.Sign(TestTokens.Hs256(), expires: DateTime.UtcNow.AddSeconds(3));
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.Factory);
        await client.InitAsync(new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });
        (await client.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("connection_ack");
        var me = await client.QueryAsync("1", "{ me { kind } }");
        me["data"]!["me"]!["kind"]!.GetValue<string>().ShouldBe("USER");

        var close = await client.ReceiveUntilCloseAsync(TimeSpan.FromSeconds(20));

        close.CloseStatus.ShouldBe(4403);
    }
}

/// <summary>A server that fetches an identity provider's keys from a JWKS URL (RS256 and ES256).</summary>
public sealed class JwksServer : IAsyncLifetime
{
    public JwksFake Jwks { get; private set; } = null!;

    public KurobeApiFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Jwks = await JwksFake.StartAsync();
        Factory = new KurobeApiFactory()
            .WithSetting("Kurobe:Auth:Jwt:Issuer", TestTokens.Issuer)
            .WithSetting("Kurobe:Auth:Jwt:Audience", TestTokens.Audience)
            .WithSetting("Kurobe:Auth:Jwt:JwksUrl", Jwks.Url.ToString())
            .WithSetting("Kurobe:Auth:Jwt:TenantClaim", "app_metadata.tenant_id")
            .WithSetting("Kurobe:Auth:Jwt:JwksMinimumRefreshSeconds", "3600");
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Jwks.DisposeAsync();
    }
}

/// <summary>Bearer JWTs verified with keys from a JWKS endpoint: the algorithm must fit the key.</summary>
public sealed class JwtJwksTests(JwksServer server) : IClassFixture<JwksServer>
{
    private const string Me = "{ me { kind role } }";

    [Fact]
    public async Task RS256_and_ES256_tokens_signed_with_published_keys_authenticate()
    {
        using var client = server.Factory.CreateAnonymousClient();

        foreach (var credentials in new[]
                 {
                     new SigningCredentials(server.Jwks.RsaKey, SecurityAlgorithms.RsaSha256),
                     new SigningCredentials(server.Jwks.EcKey, SecurityAlgorithms.EcdsaSha256),
                 })
        {
            var (response, body) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {TestTokens.Sign(credentials)}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, credentials.Algorithm);
            body.GetProperty("data").GetProperty("me").GetProperty("role").GetString().ShouldBe("ADMIN");
            response.Dispose();
        }
    }

    [Fact]
    public async Task An_HS256_token_keyed_with_the_RSA_public_key_is_refused()
    {
        using var client = server.Factory.CreateAnonymousClient();
        var publicKeyPem = Encoding.UTF8.GetBytes(server.Jwks.Rsa.ExportSubjectPublicKeyInfoPem());
        var publicKeyDer = server.Jwks.Rsa.ExportSubjectPublicKeyInfo();

        foreach (var bytes in new[] { publicKeyPem, publicKeyDer })
        {
            var forged = TestTokens.Sign(new SigningCredentials(new SymmetricSecurityKey(bytes) { KeyId = "rsa-1" }, SecurityAlgorithms.HmacSha256));
            var (response, body) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {forged}");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            body.ErrorCode().ShouldBe("UNAUTHENTICATED");
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_is_refused_and_refetching_the_keys_is_rate_limited()
    {
        using var client = server.Factory.CreateAnonymousClient();
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(stranger) { KeyId = "rotated-2" }, SecurityAlgorithms.RsaSha256);

        for (var i = 0; i < 3; i++)
        {
            var (response, _) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {TestTokens.Sign(credentials)}");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Dispose();
        }

        // One fetch at the first token, at most one more for the unknown kid; not one per request.
        server.Jwks.Requests.ShouldBeLessThanOrEqualTo(2);
    }
}
