using System.Text.Json;
using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.Querying;

public sealed class RunQueryTests(KurobeApiFactory factory) : IClassFixture<KurobeApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_is_listed_as_the_default_duckdb_source()
    {
        var response = await _client.PostGraphQLAsync("{ dataSources { id name kind isDefault } }", cancellationToken: Token);

        var demo = response.GetProperty("data").GetProperty("dataSources")[0];
        demo.GetProperty("name").GetString().ShouldBe("demo");
        demo.GetProperty("kind").GetString().ShouldBe("DUCKDB");
        demo.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        Guid.TryParse(demo.GetProperty("id").GetString(), out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Runs_sql_on_the_default_source_with_typed_columns_and_json_rows()
    {
        var response = await _client.PostGraphQLAsync("""
            { runQuery(input: {sql: "select order_id, order_date, channel, 12.50::DECIMAL(10,2) amount from orders order by order_id limit 2"}) {
                columns { name type kind } rows rowCount truncated durationMs } }
            """, cancellationToken: Token);

        var result = response.GetProperty("data").GetProperty("runQuery");
        result.GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("type").GetString()}:{c.GetProperty("kind").GetString()}")
            .ShouldBe(["order_id:INTEGER:INTEGER", "order_date:DATE:DATE", "channel:VARCHAR:TEXT", "amount:DECIMAL(10,2):DECIMAL"]);
        var first = result.GetProperty("rows")[0];
        first[0].GetInt32().ShouldBe(1);
        first[1].GetString().ShouldBe("2023-01-01");
        first[3].ValueKind.ShouldBe(JsonValueKind.Number);
        first[3].GetDecimal().ShouldBe(12.50m);
        result.GetProperty("rowCount").GetInt32().ShouldBe(2);
        result.GetProperty("truncated").GetBoolean().ShouldBeFalse();
        result.GetProperty("durationMs").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Max_rows_truncates_and_says_so()
    {
        var response = await _client.PostGraphQLAsync("""{ runQuery(input: {sql: "select * from range(100)", maxRows: 7}) { rows rowCount truncated } }""", cancellationToken: Token);

        var result = response.GetProperty("data").GetProperty("runQuery");
        result.GetProperty("rowCount").GetInt32().ShouldBe(7);
        result.GetProperty("rows").GetArrayLength().ShouldBe(7);
        result.GetProperty("truncated").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{ runQuery(input: {sql: "select * from nowhere"}) { rowCount } }""", "QUERY_FAILED")]
    [InlineData("""{ runQuery(input: {sql: "   "}) { rowCount } }""", "BAD_USER_INPUT")]
    [InlineData("""{ runQuery(input: {sql: "select 1", maxRows: 0}) { rowCount } }""", "BAD_USER_INPUT")]
    [InlineData("""{ runQuery(input: {sql: "select 1", timeoutSeconds: 100000}) { rowCount } }""", "BAD_USER_INPUT")]
    [InlineData("""{ runQuery(input: {sql: "select 1", dataSourceId: "not-an-id"}) { rowCount } }""", "BAD_USER_INPUT")]
    [InlineData("""{ runQuery(input: {sql: "select 1", dataSourceId: "00000000-0000-0000-0000-000000000001"}) { rowCount } }""", "NOT_FOUND")]
    [InlineData("""{ runQuery(input: {sql: "copy orders to '{stolen}'"}) { rowCount } }""", "SQL_NOT_ALLOWED")]
    [InlineData("""{ runQuery(input: {sql: "select * from read_text('{stolen}')"}) { rowCount } }""", "SQL_NOT_ALLOWED")]
    public async Task Failures_have_stable_codes_and_no_stack_traces(string query, string code)
    {
        var stolen = Path.Combine(Path.GetTempPath(), $"kurobe-stolen-{Guid.NewGuid():N}.csv");
        var response = await _client.PostGraphQLAsync(query.Replace("{stolen}", stolen, StringComparison.Ordinal), cancellationToken: Token);

        response.ErrorCode().ShouldBe(code);
        var error = response.GetProperty("errors")[0];
        error.GetProperty("extensions").TryGetProperty("details", out _).ShouldBeFalse("exception details stay hidden outside Development");
        error.GetProperty("message").GetString()!.ShouldNotContain(" at Kurobe.");
        File.Exists(stolen).ShouldBeFalse();
    }

    [Fact]
    public async Task Validation_failures_name_the_input()
    {
        var response = await _client.PostGraphQLAsync("""{ runQuery(input: {sql: "select 1", maxRows: -1}) { rowCount } }""", cancellationToken: Token);

        var inputs = response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("inputs");
        inputs[0].GetProperty("input").GetString().ShouldBe("maxRows");
        inputs[0].GetProperty("message").GetString()!.ShouldContain("maxRows must be between 1 and");
    }

    [Theory]
    [InlineData("select count(*) from range(100000000000)")]
    [InlineData("select count(*) from order_items a, order_items b, order_items c")]
    [InlineData("select max(a.order_id + b.order_id + c.order_id) from orders a cross join orders b cross join orders c")]
    public async Task A_query_past_its_time_limit_stops_with_query_timeout(string sql)
    {
        var response = await _client.PostGraphQLAsync(
            "query($sql: String!) { runQuery(input: {sql: $sql, timeoutSeconds: 1, cacheTtlSeconds: 0}) { rowCount } }", new { sql }, Token);

        response.ErrorCode().ShouldBe("QUERY_TIMEOUT");
        (await RunningQueriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_running_query_can_be_listed_and_cancelled_by_mutation()
    {
        var running = _client.PostGraphQLAsync("""{ runQuery(input: {sql: "select count(*) from range(100000000000) where range % 7 = 3", timeoutSeconds: 60}) { rowCount } }""", cancellationToken: Token);

        string? id = null;
        for (var attempt = 0; attempt < 100 && id is null; attempt++)
        {
            var listed = await _client.PostGraphQLAsync("{ runningQueries { id sql mode dataSourceName elapsedMs } }", cancellationToken: Token);
            var query = listed.GetProperty("data").GetProperty("runningQueries").EnumerateArray()
                .FirstOrDefault(q => q.GetProperty("sql").GetString()!.Contains("% 7 = 3", StringComparison.Ordinal));
            if (query.ValueKind == JsonValueKind.Object)
            {
                query.GetProperty("mode").GetString().ShouldBe("RUN");
                query.GetProperty("dataSourceName").GetString().ShouldBe("demo");
                id = query.GetProperty("id").GetString();
            }
            else
            {
                await Task.Delay(50, Token);
            }
        }

        id.ShouldNotBeNull("the query should show up in runningQueries while it runs");
        var cancel = await _client.PostGraphQLAsync("mutation($id: ID!) { cancelQuery(queryId: $id) { queryId cancelled } }", new { id }, Token);
        cancel.GetProperty("data").GetProperty("cancelQuery").GetProperty("cancelled").GetBoolean().ShouldBeTrue();

        (await running).ErrorCode().ShouldBe("QUERY_CANCELLED");
        (await RunningQueriesAsync()).ShouldBe(0);
    }

    private async Task<int> RunningQueriesAsync()
    {
        var response = await _client.PostGraphQLAsync("{ runningQueries { id } }", cancellationToken: Token);
        return response.GetProperty("data").GetProperty("runningQueries").GetArrayLength();
    }
}
