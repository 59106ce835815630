using System.Net;
using System.Text;
using System.Text.Json;
using Kurobe.TrinoFake;

namespace Kurobe.Infrastructure.IntegrationTests.Trino;

/// <summary>The fake follows the protocol rules the connector relies on, checked with a plain HTTP client.</summary>
public sealed class FakeTrinoServerTests(FakeTrinoFixture fake) : IClassFixture<FakeTrinoFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_is_queued_on_the_post_and_pages_through_tokens()
    {
        using var http = new HttpClient();
        var first = await PostAsync(http, "SELECT * FROM nope -- fidelity");

        first.GetProperty("stats").GetProperty("state").GetString().ShouldBe("QUEUED");
        first.TryGetProperty("data", out _).ShouldBeFalse();
        var next = first.GetProperty("nextUri").GetString()!;
        next.ShouldContain("/v1/statement/queued/");

        var failed = JsonDocument.Parse(await http.GetStringAsync(new Uri(next), Token)).RootElement;
        failed.GetProperty("stats").GetProperty("state").GetString().ShouldBe("FAILED");
        failed.GetProperty("error").GetProperty("errorName").GetString().ShouldBe("TABLE_NOT_FOUND");
        failed.TryGetProperty("nextUri", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Accepts_the_last_or_next_token_and_answers_others_with_gone()
    {
        const string sql = "SELECT x FROM tokens";
        fake.Server.AddScenario(sql, new TrinoScenario { Columns = [new("x", "bigint")], RowCount = 10, RowsPerPage = 2, Row = n => [n] });
        using var http = new HttpClient();
        var queued = (await PostAsync(http, sql)).GetProperty("nextUri").GetString()!;
        var executing0 = JsonDocument.Parse(await http.GetStringAsync(new Uri(queued), Token)).RootElement.GetProperty("nextUri").GetString()!;
        var executing1 = JsonDocument.Parse(await http.GetStringAsync(new Uri(executing0), Token)).RootElement.GetProperty("nextUri").GetString()!;

        (await StatusAsync(http, HttpMethod.Get, executing0)).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(http, HttpMethod.Get, string.Concat(executing1.AsSpan(0, executing1.LastIndexOf('/') + 1), "5"))).ShouldBe(HttpStatusCode.Gone);
        (await StatusAsync(http, HttpMethod.Get, executing1.Replace("/y", "/z", StringComparison.Ordinal))).ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(http, HttpMethod.Delete, executing1)).ShouldBe(HttpStatusCode.NoContent);
        var canceled = JsonDocument.Parse(await http.GetStringAsync(new Uri(executing1), Token)).RootElement;
        canceled.GetProperty("error").GetProperty("errorName").GetString().ShouldBe("USER_CANCELED");
        canceled.GetProperty("error").GetProperty("errorCode").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Cancels_a_query_through_the_query_resource()
    {
        const string sql = "SELECT x FROM kill_me";
        fake.Server.AddScenario(sql, new TrinoScenario { Columns = [new("x", "bigint")], RowCount = 10, RowsPerPage = 2, Row = n => [n] });
        using var http = new HttpClient();
        var first = await PostAsync(http, sql);
        var id = first.GetProperty("id").GetString()!;

        (await StatusAsync(http, HttpMethod.Delete, new Uri(fake.Server.BaseUri, $"v1/query/{id}").AbsoluteUri)).ShouldBe(HttpStatusCode.NoContent);
        var canceled = JsonDocument.Parse(await http.GetStringAsync(new Uri(first.GetProperty("nextUri").GetString()!), Token)).RootElement;

        canceled.GetProperty("stats").GetProperty("state").GetString().ShouldBe("FAILED");
        canceled.GetProperty("error").GetProperty("errorName").GetString().ShouldBe("USER_CANCELED");
        fake.Server.QueriesFor(sql).Single().IsCanceled.ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_a_request_without_a_user_or_without_sql()
    {
        using var http = new HttpClient();
        using var noUser = await http.PostAsync(new Uri(fake.Server.BaseUri, "v1/statement"), new StringContent("SELECT 1"), Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fake.Server.BaseUri, "v1/statement")) { Content = new StringContent("") };
        request.Headers.Add("X-Trino-User", "alice");
        using var noSql = await http.SendAsync(request, Token);

        noUser.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noSql.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noSql.Content.ReadAsStringAsync(Token)).ShouldBe("SQL statement is empty");
    }

    private async Task<JsonElement> PostAsync(HttpClient http, string sql)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fake.Server.BaseUri, "v1/statement")) { Content = new StringContent(sql, Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-Trino-User", "alice");
        using var response = await http.SendAsync(request, Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, HttpMethod method, string uri)
    {
        using var request = new HttpRequestMessage(method, new Uri(uri));
        using var response = await http.SendAsync(request, Token);
        return response.StatusCode;
    }
}
