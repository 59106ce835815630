using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>Every use case is refused to roles below the one it requires: viewers read, analysts query, admins manage.</summary>
public sealed class RoleAuthorizationTests(KurobeApiFactory factory) : IClassFixture<KurobeApiFactory>
{
    private const string ListSources = "{ dataSources { name } }";
    private const string RunQuery = """{ runQuery(input: { sql: "SELECT 1 AS n" }) { rowCount } }""";
    private const string CreateSource = """mutation { createDataSource(input: { name: "forbidden-source", duckdb: { path: "x.duckdb" } }) { id } }""";
    private const string Ask = """mutation { ask(input: { question: "revenue by region" }) { sql } }""";

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "VIEWER", ListSources, true },
        { "VIEWER", RunQuery, false },
        { "VIEWER", Ask, false },
        { "VIEWER", CreateSource, false },
        { "ANALYST", RunQuery, true },
        { "ANALYST", Ask, true },
        { "ANALYST", CreateSource, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_role_may_do_what_it_allows_and_is_forbidden_the_rest(string role, string operation, bool allowed)
    {
        var key = await CreateKeyAsync(role);
        using var client = factory.CreateAnonymousClient();

        var (response, body) = await client.PostGraphQLAsAsync(operation, apiKey: key);

        if (allowed)
        {
            body.TryGetProperty("errors", out var errors).ShouldBeFalse(errors.ToString());
        }
        else
        {
            body.ErrorCode().ShouldBe("FORBIDDEN");
            body.GetProperty("errors")[0].GetProperty("message").GetString().ShouldNotBeNull().ShouldContain($"you are {role[0]}{role[1..].ToLowerInvariant()}");
        }

        response.Dispose();
    }

    private async Task<string> CreateKeyAsync(string role)
    {
        using var owner = factory.CreateClient();
        var created = await owner.PostGraphQLAsync(
            $$"""mutation { createApiKey(input: { name: "{{role.ToLowerInvariant()}} key", role: {{role}} }) { secret } }""",
            cancellationToken: TestContext.Current.CancellationToken);
        return created.GetProperty("data").GetProperty("createApiKey").GetProperty("secret").GetString()!;
    }
}
