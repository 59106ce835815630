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

    public static string ErrorCode(this JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
}
