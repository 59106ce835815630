using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.Http;

public sealed class GraphQLHttpTests(KurobeApiFactory factory) : IClassFixture<KurobeApiFactory>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_with_json_accept_answers_json()
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        (await ReadJsonAsync(response)).GetProperty("data").GetProperty("__typename").GetString().ShouldBe("Query");
    }

    [Theory]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json", GraphQLResponse)]
    [InlineData("application/json;q=0.9, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html, */*;q=0.8", "application/json")]
    public async Task Accept_header_picks_the_response_media_type(string accept, string expected)
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: accept);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(expected);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: "text/html");

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        await ShouldHaveErrorCodeAsync(response, "NOT_ACCEPTABLE");
    }

    [Fact]
    public async Task Get_runs_queries_with_variables_from_the_url()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query Q($n: String!) { __type(name: $n) { name } }")
            + "&variables=" + Uri.EscapeDataString("""{"n":"DataSource"}""");

        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response)).GetProperty("data").GetProperty("__type").GetProperty("name").GetString().ShouldBe("DataSource");
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData("application/json")]
    public async Task A_mutation_over_get_is_405_and_says_to_use_post(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"));
        request.Headers.Accept.ParseAdd(accept);

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["POST"]);
        await ShouldHaveErrorCodeAsync(response, "GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_mutation_over_post_executes()
    {
        using var response = await PostAsync("""{"query":"mutation { cancelQuery(queryId: \"6d0bd7a0-0000-4000-8000-000000000001\") { queryId cancelled } }"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response)).GetProperty("data").GetProperty("cancelQuery").GetProperty("cancelled").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_subscription_over_http_is_refused_with_a_pointer_to_websocket()
    {
        using var response = await PostAsync("""{"query":"subscription { queryStream(input: {sql: \"select 1\"}) { done } }"}""", accept: GraphQLResponse);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await ReadJsonAsync(response);
        body.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("WebSocket");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["GET", "POST"]);
    }

    [Theory]
    [InlineData("", "BAD_REQUEST")]
    [InlineData("{ \"not json", "BAD_REQUEST")]
    [InlineData("[{\"query\":\"{ __typename }\"}]", "BAD_REQUEST")]
    [InlineData("{\"notquery\":\"{ __typename }\"}", "BAD_REQUEST")]
    [InlineData("{\"query\":0}", "BAD_REQUEST")]
    [InlineData("{\"query\":\"{ __typename }\",\"operationName\":false}", "BAD_REQUEST")]
    [InlineData("{\"query\":\"{ __typename }\",\"variables\":\"string\"}", "BAD_REQUEST")]
    [InlineData("{\"query\":\"{ __typename }\",\"extensions\":[1]}", "BAD_REQUEST")]
    public async Task Malformed_requests_are_400_with_a_code(string body, string code)
    {
        foreach (var accept in new[] { GraphQLResponse, "application/json" })
        {
            using var response = await PostAsync(body, accept: accept);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"body {body} accept {accept}");
            await ShouldHaveErrorCodeAsync(response, code);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    public async Task Bodies_that_are_not_utf8_json_are_415(string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _client.PostAsync("/graphql", content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        await ShouldHaveErrorCodeAsync(response, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var hugeQuery = "{ __typename " + new string(' ', 1024 * 1024 + 10) + "}";

        using var response = await PostAsync(JsonSerializer.Serialize(new { query = hugeQuery }));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await ShouldHaveErrorCodeAsync(response, "REQUEST_TOO_LARGE");
    }

    [Theory]
    [InlineData("""{"query":"{"}""", "GRAPHQL_PARSE_FAILED")]
    [InlineData("""{"query":"{ notAField }"}""", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"query Q($n: String!) { __type(name: $n) { name } }","variables":{"n":5}}""", "BAD_USER_INPUT")]
    public async Task Document_errors_are_200_with_json_and_400_without_data_with_graphql_response(string body, string code)
    {
        using (var legacy = await PostAsync(body, accept: "application/json"))
        {
            legacy.StatusCode.ShouldBe(HttpStatusCode.OK);
            await ShouldHaveErrorCodeAsync(legacy, code);
        }

        using var modern = await PostAsync(body, accept: GraphQLResponse);
        modern.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var json = await ReadJsonAsync(modern);
        json.TryGetProperty("data", out _).ShouldBeFalse();
        json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task Too_deep_documents_are_refused()
    {
        var deep = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + new string('}', 18) + " }";

        using var response = await PostAsync(JsonSerializer.Serialize(new { query = deep }), accept: GraphQLResponse);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldHaveErrorCodeAsync(response, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Too_complex_documents_are_refused()
    {
        var wide = "{ " + string.Join(" ", Enumerable.Range(0, 12_000).Select(i => $"f{i}: __typename")) + " }";

        using var response = await PostAsync(JsonSerializer.Serialize(new { query = wide }), accept: GraphQLResponse);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldHaveErrorCodeAsync(response, "QUERY_TOO_COMPLEX");
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ShouldHaveErrorCodeAsync(HttpResponseMessage response, string code)
    {
        var json = await ReadJsonAsync(response);
        json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe(code);
    }
}
