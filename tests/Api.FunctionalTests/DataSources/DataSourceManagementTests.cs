using System.Text.Json;
using Kurobe.Api.FunctionalTests.WebSockets;
using DuckDB.NET.Data;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Kurobe.Api.FunctionalTests.DataSources;

/// <summary>Creating, changing, checking and deleting data sources through GraphQL, on the embedded defaults.</summary>
public sealed class DataSourceManagementTests : IClassFixture<DataSourceManagementTests.Server>
{
    private const string DemoId = "4709826e-9df8-50d3-8cd3-56c8b14eecd5";
    private const string SourceFields = """
        id name kind target origin isDefault hasSecret queryTimeoutSeconds cacheTtlSeconds revision createdAt updatedAt
        connection { __typename ... on DuckDbConnection { path } ... on PostgresConnection { host port database username sslMode }
                     ... on TrinoConnection { endpoint user catalog schema authentication } }
        status { health }
        """;

    private readonly Server _server;
    private readonly HttpClient _client;

    public DataSourceManagementTests(Server server)
    {
        _server = server;
        _client = server.CreateClient();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_duckdb_file_in_the_data_directory_becomes_a_queryable_source_and_can_be_renamed_and_deleted()
    {
        var file = _server.CreateDuckDbFile("CREATE TABLE sales AS SELECT range AS id, range * 10 AS amount FROM range(100)");
        var name = UniqueName("sales");

        var created = await CreateAsync($$"""{ name: "{{name}}", duckdb: { path: "{{Path.GetFileName(file)}}" }, cacheTtlSeconds: 0 }""");
        created.GetProperty("kind").GetString().ShouldBe("DUCKDB");
        created.GetProperty("origin").GetString().ShouldBe("API");
        created.GetProperty("hasSecret").GetBoolean().ShouldBeFalse();
        created.GetProperty("revision").GetInt32().ShouldBe(1);
        created.GetProperty("cacheTtlSeconds").GetInt32().ShouldBe(0);
        var id = created.GetProperty("id").GetString()!;

        var sum = await _client.PostGraphQLAsync($$"""{ runQuery(input: {dataSourceId: "{{id}}", sql: "select sum(amount) as total from sales"}) { rows cacheHit } }""", cancellationToken: Token);
        sum.GetProperty("data").GetProperty("runQuery").GetProperty("rows")[0][0].GetInt64().ShouldBe(49_500);

        var renamed = await _client.PostGraphQLAsync($$"""mutation { updateDataSource(input: {id: "{{id}}", name: "{{name}}-2", queryTimeoutSeconds: 12}) { name queryTimeoutSeconds revision } }""", cancellationToken: Token);
        var updated = renamed.GetProperty("data").GetProperty("updateDataSource");
        updated.GetProperty("name").GetString().ShouldBe($"{name}-2");
        updated.GetProperty("queryTimeoutSeconds").GetInt32().ShouldBe(12);
        updated.GetProperty("revision").GetInt32().ShouldBe(1, "a rename does not change how the source is reached");

        var deleted = await _client.PostGraphQLAsync($$"""mutation { deleteDataSource(id: "{{id}}") { id } }""", cancellationToken: Token);
        deleted.GetProperty("data").GetProperty("deleteDataSource").GetProperty("id").GetString().ShouldBe(id);
        var gone = await _client.PostGraphQLAsync($$"""{ dataSource(id: "{{id}}") { id } }""", cancellationToken: Token);
        gone.GetProperty("data").GetProperty("dataSource").ValueKind.ShouldBe(JsonValueKind.Null);
        var again = await _client.PostGraphQLAsync($$"""mutation { deleteDataSource(id: "{{id}}") { id } }""", cancellationToken: Token);
        again.ErrorCode().ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Secrets_are_encrypted_at_rest_and_never_returned()
    {
        const string password = "correct horse battery staple";
        var name = UniqueName("warehouse");

        var created = await CreateAsync($$"""
            { name: "{{name}}", postgres: { host: "127.0.0.1", port: 1, database: "analytics", username: "kurobe_reader" }, secret: "{{password}}" }
            """);

        created.GetProperty("hasSecret").GetBoolean().ShouldBeTrue();
        created.GetProperty("connection").GetProperty("sslMode").GetString().ShouldBe("PREFER");
        created.GetRawText().ShouldNotContain(password);
        var id = created.GetProperty("id").GetString()!;

        var stored = await ReadStoredSecretAsync(id);
        stored.ShouldNotBeNull();
        stored.ShouldNotContain(password);
        stored.ShouldStartWith("v1.");

        // The connection fails (nothing listens on port 1): the error says so, without the password.
        var test = await _client.PostGraphQLAsync($$"""mutation { testDataSourceConnection(id: "{{id}}") { health lastError latencyMs } }""", cancellationToken: Token);
        var status = test.GetProperty("data").GetProperty("testDataSourceConnection");
        status.GetProperty("health").GetString().ShouldBe("UNHEALTHY");
        status.GetProperty("lastError").GetString().ShouldNotBeNullOrEmpty();
        test.GetRawText().ShouldNotContain(password);

        var cleared = await _client.PostGraphQLAsync($$"""mutation { updateDataSource(input: {id: "{{id}}", secret: null}) { hasSecret revision } }""", cancellationToken: Token);
        cleared.GetProperty("data").GetProperty("updateDataSource").GetProperty("hasSecret").GetBoolean().ShouldBeFalse();
        cleared.GetProperty("data").GetProperty("updateDataSource").GetProperty("revision").GetInt32().ShouldBe(2);
        (await ReadStoredSecretAsync(id)).ShouldBeNull();
    }

    [Theory]
    [InlineData("""{ name: "Bad Name", duckdb: { path: "x.duckdb" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "two-kinds", duckdb: { path: "x.duckdb" }, trino: { endpoint: "http://localhost:8080", user: "u" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "no-kind" }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "outside", duckdb: { path: "/etc/passwd" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "escape", duckdb: { path: "../../etc/x.duckdb" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "missing-file", duckdb: { path: "nowhere.duckdb" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "bearer-without-token", trino: { endpoint: "http://localhost:8080", user: "u", authentication: BEARER } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "creds-in-url", trino: { endpoint: "http://u:p@localhost:8080", user: "u" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "ftp", trino: { endpoint: "ftp://localhost", user: "u" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "bad-port", postgres: { host: "h", port: 70000, database: "d", username: "u" } }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "slow", postgres: { host: "h", database: "d", username: "u" }, queryTimeoutSeconds: 100000 }""", "BAD_USER_INPUT")]
    [InlineData("""{ name: "demo", postgres: { host: "h", database: "d", username: "u" } }""", "CONFLICT")]
    public async Task Bad_definitions_are_refused_with_a_code_and_nothing_is_stored(string input, string code)
    {
        var before = await CountAsync();

        var response = await _client.PostGraphQLAsync($$"""mutation { createDataSource(input: {{input}}) { id } }""", cancellationToken: Token);

        response.ErrorCode().ShouldBe(code);
        response.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldNotContain(" at Kurobe.");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Names_are_unique()
    {
        var name = UniqueName("twice");
        await CreateAsync($$"""{ name: "{{name}}", trino: { endpoint: "http://127.0.0.1:1", user: "kurobe" } }""");

        var second = await _client.PostGraphQLAsync($$"""mutation { createDataSource(input: { name: "{{name}}", trino: { endpoint: "http://127.0.0.1:2", user: "kurobe" } }) { id } }""", cancellationToken: Token);

        second.ErrorCode().ShouldBe("CONFLICT");
    }

    [Theory]
    [InlineData("mutation { updateDataSource(input: {id: \"" + DemoId + "\", name: \"renamed\"}) { id } }")]
    [InlineData("mutation { deleteDataSource(id: \"" + DemoId + "\") { id } }")]
    public async Task Sources_from_configuration_are_read_only(string mutation)
    {
        var response = await _client.PostGraphQLAsync(mutation, cancellationToken: Token);

        response.ErrorCode().ShouldBe("CONFLICT");
        response.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("configuration");
    }

    [Fact]
    public async Task The_demo_reports_its_health_and_a_cached_refreshable_schema()
    {
        var test = await _client.PostGraphQLAsync($$"""mutation { testDataSourceConnection(id: "{{DemoId}}") { health serverVersion latencyMs checkedAt } }""", cancellationToken: Token);
        var status = test.GetProperty("data").GetProperty("testDataSourceConnection");
        status.GetProperty("health").GetString().ShouldBe("HEALTHY");
        status.GetProperty("serverVersion").GetString()!.ShouldStartWith("DuckDB");

        const string schemaQuery = "{ dataSource(id: \"" + DemoId + "\") { status { health } schema { readAt tables { schema name isView rowEstimate description columns { name type kind nullable description } } } } }";
        var firstResponse = await _client.PostGraphQLAsync(schemaQuery, cancellationToken: Token);
        firstResponse.TryGetProperty("errors", out _).ShouldBeFalse(firstResponse.GetRawText());
        var first = firstResponse.GetProperty("data").GetProperty("dataSource");
        first.GetProperty("status").GetProperty("health").GetString().ShouldBe("HEALTHY");
        var tables = first.GetProperty("schema").GetProperty("tables").EnumerateArray().ToList();
        var orders = tables.Single(t => t.GetProperty("name").GetString() == "orders");
        orders.GetProperty("schema").GetString().ShouldBe("main");
        orders.GetProperty("rowEstimate").GetDouble().ShouldBeGreaterThan(0);
        orders.GetProperty("description").GetString().ShouldNotBeNullOrEmpty();
        var orderId = orders.GetProperty("columns").EnumerateArray().First(c => c.GetProperty("name").GetString() == "order_id");
        orderId.GetProperty("kind").GetString().ShouldBe("INTEGER");
        orderId.GetProperty("nullable").GetBoolean().ShouldBeFalse();

        var cached = (await _client.PostGraphQLAsync(schemaQuery, cancellationToken: Token)).GetProperty("data").GetProperty("dataSource");
        cached.GetProperty("schema").GetProperty("readAt").GetString().ShouldBe(first.GetProperty("schema").GetProperty("readAt").GetString());

        var refreshed = await _client.PostGraphQLAsync($$"""mutation { refreshDataSourceSchema(id: "{{DemoId}}") { readAt tables { name } } }""", cancellationToken: Token);
        refreshed.GetProperty("data").GetProperty("refreshDataSourceSchema").GetProperty("readAt").GetString()
            .ShouldNotBe(first.GetProperty("schema").GetProperty("readAt").GetString());
    }

    [Fact]
    public async Task Repeated_queries_come_from_the_cache_until_the_source_is_invalidated()
    {
        var sql = $"select count(*) as n, '{Guid.NewGuid():N}' as tag from orders";
        async Task<JsonElement> RunAsync() => (await _client.PostGraphQLAsync(
            "query($sql: String!) { runQuery(input: {sql: $sql}) { rows cacheHit executedAt } }", new { sql }, Token)).GetProperty("data").GetProperty("runQuery");

        var first = await RunAsync();
        var second = await RunAsync();
        first.GetProperty("cacheHit").GetBoolean().ShouldBeFalse();
        second.GetProperty("cacheHit").GetBoolean().ShouldBeTrue();
        second.GetProperty("rows").GetRawText().ShouldBe(first.GetProperty("rows").GetRawText());
        second.GetProperty("executedAt").GetString().ShouldBe(first.GetProperty("executedAt").GetString());

        var invalidated = await _client.PostGraphQLAsync($$"""mutation { invalidateResultCache(dataSourceId: "{{DemoId}}") { dataSourceId } }""", cancellationToken: Token);
        invalidated.GetProperty("data").GetProperty("invalidateResultCache").GetProperty("dataSourceId").GetString().ShouldBe(DemoId);

        (await RunAsync()).GetProperty("cacheHit").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Updating_the_connection_bumps_the_revision_and_stops_serving_old_cached_results()
    {
        var firstFile = _server.CreateDuckDbFile("CREATE TABLE t AS SELECT 1 AS v");
        var secondFile = _server.CreateDuckDbFile("CREATE TABLE t AS SELECT 2 AS v");
        var created = await CreateAsync($$"""{ name: "{{UniqueName("moving")}}", duckdb: { path: "{{Path.GetFileName(firstFile)}}" } }""");
        var id = created.GetProperty("id").GetString()!;
        async Task<long> ValueAsync() => (await _client.PostGraphQLAsync(
            $$"""{ runQuery(input: {dataSourceId: "{{id}}", sql: "select v from t"}) { rows } }""", cancellationToken: Token))
            .GetProperty("data").GetProperty("runQuery").GetProperty("rows")[0][0].GetInt64();

        (await ValueAsync()).ShouldBe(1);
        var moved = await _client.PostGraphQLAsync($$"""mutation { updateDataSource(input: {id: "{{id}}", duckdb: { path: "{{Path.GetFileName(secondFile)}}" } }) { revision target } }""", cancellationToken: Token);

        moved.GetProperty("data").GetProperty("updateDataSource").GetProperty("revision").GetInt32().ShouldBe(2);
        (await ValueAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task The_list_puts_the_default_first_and_shows_created_sources()
    {
        var name = UniqueName("listed");
        await CreateAsync($$"""{ name: "{{name}}", trino: { endpoint: "https://trino.example.com", user: "kurobe", catalog: "hive", schema: "sales", authentication: BASIC }, secret: "pw" }""");

        var list = (await _client.PostGraphQLAsync($$"""{ dataSources { {{SourceFields}} } }""", cancellationToken: Token)).GetProperty("data").GetProperty("dataSources");

        list[0].GetProperty("name").GetString().ShouldBe("demo");
        list[0].GetProperty("origin").GetString().ShouldBe("CONFIGURATION");
        var trino = list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        trino.GetProperty("target").GetString().ShouldBe("https://trino.example.com");
        trino.GetProperty("connection").GetProperty("__typename").GetString().ShouldBe("TrinoConnection");
        trino.GetProperty("connection").GetProperty("authentication").GetString().ShouldBe("BASIC");
        trino.GetProperty("connection").GetProperty("catalog").GetString().ShouldBe("hive");
    }

    private async Task<JsonElement> CreateAsync(string input)
    {
        var response = await _client.PostGraphQLAsync($$"""mutation { createDataSource(input: {{input}}) { {{SourceFields}} } }""", cancellationToken: Token);
        if (response.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException(errors.GetRawText());
        }

        return response.GetProperty("data").GetProperty("createDataSource");
    }

    private async Task<int> CountAsync() =>
        (await _client.PostGraphQLAsync("{ dataSources { id } }", cancellationToken: Token)).GetProperty("data").GetProperty("dataSources").GetArrayLength();

    private async Task<string?> ReadStoredSecretAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_server.DataDirectory, "kurobe.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT secret FROM data_sources WHERE lower(id) = lower($id)";
        command.Parameters.AddWithValue("$id", id);
        var value = await command.ExecuteScalarAsync(Token);
        return value as string;
    }

    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>The application in its own data directory, so the tests can look at the files it writes.</summary>
    public sealed class Server : KurobeApiFactory
    {
        public Server()
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "kurobe-source-tests", Guid.NewGuid().ToString("N"));
            WithSetting("Kurobe:Storage:DataDirectory", DataDirectory);
        }

        public string DataDirectory { get; }

        public string CreateDuckDbFile(string sql)
        {
            Directory.CreateDirectory(DataDirectory);
            var path = Path.Combine(DataDirectory, $"{Guid.NewGuid():N}.duckdb");
            using var connection = new DuckDBConnection($"Data Source={path}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
            return path;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            TestDirectories.TryDelete(DataDirectory);
        }
    }
}
