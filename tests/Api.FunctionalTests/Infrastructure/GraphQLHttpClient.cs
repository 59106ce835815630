using System.Net.Http.Json;
using System.Text.Json;

namespace Kurobe.Api.FunctionalTests.Infrastructure;

/// <summary>Posts GraphQL requests and returns the parsed response body.</summary>
internal static class GraphQLHttpClient
{
    public static async Task<JsonElement> PostGraphQLAsync(this HttpClient client, string query, object? variables = null, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Posts with these credential headers, through a client that has none of its own (<see cref="CreateAnonymousClient"/>).</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostGraphQLAsAsync(
        this HttpClient client, string query, string? authorization = null, string? apiKey = null, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = authorization is null ? null : System.Net.Http.Headers.AuthenticationHeaderValue.Parse(authorization);
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>A client that sends no credentials unless a request carries its own.</summary>
    public static HttpClient CreateAnonymousClient(this KurobeApiFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public static string ErrorCode(this JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
}
