using System.Net;
using System.Text.Json;
using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.Caching;

/// <summary>With Redis configured but unreachable, queries still succeed and the server says it is degraded.</summary>
public sealed class UnreachableRedisTests : IClassFixture<UnreachableRedisTests.Server>
{
    private readonly HttpClient _client;

    public UnreachableRedisTests(Server server) => _client = server.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queries_succeed_and_are_still_cached_in_process()
    {
        var sql = $"select count(*) as n, '{Guid.NewGuid():N}' as tag from orders";
        async Task<JsonElement> RunAsync() => (await _client.PostGraphQLAsync(
            "query($sql: String!) { runQuery(input: {sql: $sql}) { rows cacheHit } }", new { sql }, Token)).GetProperty("data").GetProperty("runQuery");

        var started = DateTime.UtcNow;
        var first = await RunAsync();
        var second = await RunAsync();

        first.GetProperty("cacheHit").GetBoolean().ShouldBeFalse();
        second.GetProperty("cacheHit").GetBoolean().ShouldBeTrue();
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10), "an unreachable Redis must not hold queries up");
    }

    [Fact]
    public async Task Readiness_reports_the_cache_as_degraded_but_the_server_as_ready()
    {
        using var response = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        TestContext.Current.TestOutputHelper?.WriteLine(body);
        var health = JsonDocument.Parse(body).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "Degraded is still ready");
        health.GetProperty("status").GetString().ShouldBe("Degraded");
        var cache = health.GetProperty("checks").GetProperty("cache");
        cache.GetProperty("status").GetString().ShouldBe("Degraded");
        health.GetProperty("checks").GetProperty("data-sources").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    public sealed class Server : KurobeApiFactory
    {
        public Server()
        {
            // Nothing listens on port 1: connections are refused at once, as when Redis is down.
            WithSetting("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=200");
        }
    }
}
