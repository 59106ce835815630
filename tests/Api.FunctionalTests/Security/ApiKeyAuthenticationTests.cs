using System.Net;
using System.Text.Json;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Application.Identity;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>API keys over HTTP: the 401 answer, both headers, creation, listing, revocation, expiry and roles.</summary>
public sealed class ApiKeyAuthenticationTests(KurobeApiFactory factory) : IClassFixture<KurobeApiFactory>
{
    private const string Me = "{ me { kind name role tenant { slug } } }";

    [Fact]
    public async Task A_request_without_credentials_is_401_with_an_UNAUTHENTICATED_GraphQL_error_and_a_Bearer_challenge()
    {
        using var client = factory.CreateAnonymousClient();

        var (response, body) = await client.PostGraphQLAsAsync(Me);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        body.ErrorCode().ShouldBe("UNAUTHENTICATED");
        body.TryGetProperty("data", out _).ShouldBeFalse();
        response.Dispose();
    }

    [Fact]
    public async Task Health_endpoints_stay_anonymous()
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("x-api-key")]
    public async Task The_bootstrap_key_is_accepted_as_a_bearer_token_and_as_X_API_Key(string header)
    {
        using var client = factory.CreateAnonymousClient();

        var (response, body) = header == "bearer"
            ? await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {KurobeApiFactory.BootstrapApiKey}")
            : await client.PostGraphQLAsAsync(Me, apiKey: KurobeApiFactory.BootstrapApiKey);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = body.GetProperty("data").GetProperty("me");
        me.GetProperty("kind").GetString().ShouldBe("API_KEY");
        me.GetProperty("name").GetString().ShouldBe("bootstrap");
        me.GetProperty("role").GetString().ShouldBe("OWNER");
        me.GetProperty("tenant").GetProperty("slug").GetString().ShouldBe("default");
        response.Dispose();
    }

    [Theory]
    [InlineData("kb_short")]
    [InlineData("not-a-key-at-all")]
    [InlineData("kb_TestBootstrap001_FunctionalTestsOwnerKeyOfTheDefaultTenant01")] // right id, wrong secret
    [InlineData("kb_UnknownLookup001_FunctionalTestsOwnerKeyOfTheDefaultTenant00")] // unknown id
    [InlineData("kb_TestBootstrap001_FunctionalTestsOwnerKeyOfTheDefaultTenant0!")] // not base62
    public async Task A_wrong_or_malformed_key_is_401(string key)
    {
        using var client = factory.CreateAnonymousClient();

        var (response, body) = await client.PostGraphQLAsAsync(Me, apiKey: key);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body.ErrorCode().ShouldBe("UNAUTHENTICATED");
        response.Dispose();
    }

    [Fact]
    public async Task Two_different_credentials_in_one_request_are_refused()
    {
        using var client = factory.CreateAnonymousClient();
        var other = await CreateKeyAsync("second credential", "VIEWER");

        var (response, _) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {KurobeApiFactory.BootstrapApiKey}", apiKey: other);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Dispose();
    }

    [Fact]
    public async Task A_created_key_works_is_listed_without_its_secret_and_stops_working_when_revoked()
    {
        using var owner = factory.CreateClient();
        var created = await owner.PostGraphQLAsync(
            """mutation { createApiKey(input: { name: "ci export", role: ANALYST }) { apiKey { id name role prefix createdAt expiresAt } secret } }""",
            cancellationToken: TestContext.Current.CancellationToken);
        var payload = created.GetProperty("data").GetProperty("createApiKey");
        var secret = payload.GetProperty("secret").GetString()!;
        var id = payload.GetProperty("apiKey").GetProperty("id").GetString()!;
        secret.ShouldStartWith(payload.GetProperty("apiKey").GetProperty("prefix").GetString()! + "_");
        payload.GetProperty("apiKey").GetProperty("role").GetString().ShouldBe("ANALYST");

        using var client = factory.CreateAnonymousClient();
        var (ok, me) = await client.PostGraphQLAsAsync(Me, authorization: $"Bearer {secret}");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        me.GetProperty("data").GetProperty("me").GetProperty("role").GetString().ShouldBe("ANALYST");
        ok.Dispose();

        var listed = await owner.PostGraphQLAsync("{ apiKeys { id name prefix revokedAt lastUsedAt } }", cancellationToken: TestContext.Current.CancellationToken);
        listed.GetRawText().ShouldNotContain(secret[^43..]);
        var entry = listed.GetProperty("data").GetProperty("apiKeys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        entry.GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var revoked = await owner.PostGraphQLAsync($$"""mutation { revokeApiKey(id: "{{id}}") { revokedAt } }""", cancellationToken: TestContext.Current.CancellationToken);
        revoked.GetProperty("data").GetProperty("revokeApiKey").GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var (refused, body) = await client.PostGraphQLAsAsync(Me, apiKey: secret);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body.ErrorCode().ShouldBe("UNAUTHENTICATED");
        refused.Dispose();
    }

    [Fact]
    public async Task An_expired_key_is_401()
    {
        var (text, lookupId, hash) = ApiKeySecret.Generate();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IIdentityStore>();
            var tenant = (await store.FindTenantBySlugAsync(Tenant.DefaultSlug, TestContext.Current.CancellationToken))!;
            var createdAt = DateTimeOffset.UtcNow.AddHours(-2);
            await store.AddApiKeyAsync(
                new ApiKey(new ApiKeyId(Guid.CreateVersion7()), tenant.Id, "expired", Role.Owner, lookupId, hash, "test", createdAt, createdAt.AddHours(1)),
                TestContext.Current.CancellationToken);
        }

        using var client = factory.CreateAnonymousClient();
        var (response, body) = await client.PostGraphQLAsAsync(Me, apiKey: text);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body.ErrorCode().ShouldBe("UNAUTHENTICATED");
        response.Dispose();
    }

    [Fact]
    public async Task A_viewer_key_cannot_manage_keys_and_no_key_gets_more_rights_than_its_creator()
    {
        var viewer = await CreateKeyAsync("read only", "VIEWER");
        var admin = await CreateKeyAsync("admin", "ADMIN");
        using var client = factory.CreateAnonymousClient();

        var (_, listing) = await client.PostGraphQLAsAsync("{ apiKeys { id } }", apiKey: viewer);
        listing.ErrorCode().ShouldBe("FORBIDDEN");

        var (_, escalation) = await client.PostGraphQLAsAsync(
            """mutation { createApiKey(input: { name: "escalate", role: OWNER }) { secret } }""", apiKey: admin);
        escalation.ErrorCode().ShouldBe("FORBIDDEN");
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_bad_user_input()
    {
        using var owner = factory.CreateClient();

        var response = await owner.PostGraphQLAsync(
            """mutation { createApiKey(input: { name: "old", role: VIEWER, expiresAt: "2001-01-01T00:00:00Z" }) { secret } }""",
            cancellationToken: TestContext.Current.CancellationToken);

        response.ErrorCode().ShouldBe("BAD_USER_INPUT");
    }

    private async Task<string> CreateKeyAsync(string name, string role)
    {
        using var owner = factory.CreateClient();
        var created = await owner.PostGraphQLAsync(
            $$"""mutation { createApiKey(input: { name: "{{name}}", role: {{role}} }) { secret } }""",
            cancellationToken: TestContext.Current.CancellationToken);
        return created.GetProperty("data").GetProperty("createApiKey").GetProperty("secret").GetString()!;
    }
}
