using System.Net;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Api.FunctionalTests.WebSockets;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>A server with a tiny per-principal limit.</summary>
public sealed class RateLimitedServer : IAsyncDisposable
{
    public KurobeApiFactory Factory { get; } = new KurobeApiFactory()
        .WithSetting("Kurobe:RateLimits:PerPrincipal:PermitLimit", "3")
        .WithSetting("Kurobe:RateLimits:PerPrincipal:WindowSeconds", "3600")
        .WithSetting("Kurobe:RateLimits:PerTenant:PermitLimit", "1000");

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>Rate limits over HTTP and WebSocket: 429 with Retry-After and RATE_LIMITED; one partition per principal.</summary>
public sealed class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    private const string Query = "{ me { name } }";

    [Fact]
    public async Task Over_the_limit_a_key_gets_429_with_Retry_After_while_another_key_still_passes()
    {
        var (first, second) = await CreateKeysAsync();
        using var client = server.Factory.CreateAnonymousClient();

        for (var i = 0; i < 3; i++)
        {
            var (ok, _) = await client.PostGraphQLAsAsync(Query, apiKey: first);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            ok.Dispose();
        }

        var (limited, body) = await client.PostGraphQLAsAsync(Query, apiKey: first);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 3600);
        body.ErrorCode().ShouldBe("RATE_LIMITED");
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32().ShouldBe(retryAfter);
        limited.Dispose();

        var (other, _) = await client.PostGraphQLAsAsync(Query, apiKey: second);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.Dispose();
    }

    [Fact]
    public async Task WebSocket_subscribe_messages_count_and_the_one_over_the_limit_gets_a_RATE_LIMITED_error()
    {
        var (key, _) = await CreateKeysAsync();
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.Factory);
        await client.InitAsync(new Dictionary<string, string> { ["X-API-Key"] = key });
        (await client.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("connection_ack");

        for (var i = 0; i < 3; i++)
        {
            await client.QueryAsync($"q{i}", Query);
        }

        await client.SubscribeAsync("over", Query);
        var messages = await client.ReceiveOperationAsync("over");

        messages.Single()["type"]!.GetValue<string>().ShouldBe("error");
        messages[0]["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("RATE_LIMITED");
    }

    private async Task<(string, string)> CreateKeysAsync()
    {
        // The bootstrap key is limited too, so each key is made by a fresh admin key of a fresh user... or simply by
        // the owner key, which has its own partition and is used only here (two requests per test).
        using var owner = server.Factory.CreateClient();
        var keys = new List<string>();
        var created = await owner.PostGraphQLAsync(
            """mutation { a: createApiKey(input: { name: "a", role: VIEWER }) { secret } b: createApiKey(input: { name: "b", role: VIEWER }) { secret } }""",
            cancellationToken: TestContext.Current.CancellationToken);
        foreach (var alias in new[] { "a", "b" })
        {
            keys.Add(created.GetProperty("data").GetProperty(alias).GetProperty("secret").GetString()!);
        }

        return (keys[0], keys[1]);
    }
}

/// <summary>Security headers on every response, CORS for configured origins only, HSTS outside Development.</summary>
public sealed class HttpSecurityTests : IAsyncDisposable
{
    private readonly KurobeApiFactory _factory = new KurobeApiFactory().WithSetting("Kurobe:Cors:AllowedOrigins:0", "https://app.example.com");

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/graphql")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
    }

    [Fact]
    public async Task HSTS_is_sent_over_https_outside_Development()
    {
        _factory.ClientOptions.BaseAddress = new Uri("https://kurobe.example.com");
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
    }

    [Theory]
    [InlineData("https://app.example.com", true)]
    [InlineData("https://evil.example.com", false)]
    public async Task A_preflight_is_allowed_only_from_a_configured_origin(string origin, bool allowed)
    {
        using var client = _factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins).ShouldBe(allowed);
        if (allowed)
        {
            origins!.Single().ShouldBe(origin);
        }
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
