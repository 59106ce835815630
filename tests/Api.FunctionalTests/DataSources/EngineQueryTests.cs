using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Api.FunctionalTests.WebSockets;
using Kurobe.Infrastructure.IntegrationTests.Services;
using Kurobe.TrinoFake;
using Npgsql;

namespace Kurobe.Api.FunctionalTests.DataSources;

/// <summary>
/// runQuery and queryStream on PostgreSQL and Trino sources added through the API, over real TCP: results, engine
/// time limits, and streams that stop in the engine when the client completes or reads slowly.
/// </summary>
public sealed class EngineQueryTests(EngineQueryTests.Server server) : IClassFixture<EngineQueryTests.Server>
{
    private const int StreamWindow = 4;
    private const int BatchRows = 1_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trino_source_answers_run_query_through_the_protocol()
    {
        const string sql = "SELECT n, label FROM numbers WHERE n < 2500";
        server.Trino.AddScenario(sql, Numbers(2_500, rowsPerPage: 400));
        var id = await server.TrinoSourceAsync();

        var result = await server.PostAsync($$"""{ runQuery(input: {dataSourceId: "{{id}}", sql: "{{sql}}", maxRows: 2000, cacheTtlSeconds: 0}) { columns { name type kind } rows rowCount truncated } }""");

        var runQuery = result.GetProperty("data").GetProperty("runQuery");
        runQuery.GetProperty("rowCount").GetInt32().ShouldBe(2_000);
        runQuery.GetProperty("truncated").GetBoolean().ShouldBeTrue();
        runQuery.GetProperty("columns")[0].GetProperty("type").GetString().ShouldBe("bigint");
        runQuery.GetProperty("rows")[1_999].GetRawText().ShouldBe("""[1999,"row 1999"]""");
        // The row cap was reached: the rest of the Trino query is cancelled rather than left running on the cluster.
        var query = server.Trino.QueriesFor(sql).Single();
        (await WaitUntilAsync(() => query.IsCanceled || query.IsFinished)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_trino_stream_delivers_every_row_and_completing_it_cancels_the_trino_query()
    {
        const string allSql = "SELECT n, label FROM numbers WHERE n < 30000";
        server.Trino.AddScenario(allSql, Numbers(30_000, rowsPerPage: 2_500));
        var id = await server.TrinoSourceAsync();
        await using var client = await server.ConnectAsync();

        await client.SubscribeAsync("all", Stream(id, allSql));
        var messages = await client.ReceiveOperationAsync("all", TimeSpan.FromSeconds(60));
        messages[^1]["type"]!.GetValue<string>().ShouldBe("complete");
        var rows = messages.Take(messages.Count - 1).SelectMany(m => m["payload"]!["data"]!["queryStream"]!["rows"]!.AsArray()).ToList();
        rows.Select(r => r![0]!.GetValue<long>()).ShouldBe(Enumerable.Range(0, 30_000).Select(i => (long)i));

        const string endlessSql = "SELECT n, label FROM numbers";
        server.Trino.AddScenario(endlessSql, Numbers(100_000_000, rowsPerPage: 1_000));
        await client.SubscribeAsync("endless", Stream(id, endlessSql));
        (await client.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("next");
        await client.CompleteAsync("endless");

        var query = server.Trino.QueriesFor(endlessSql).Single();
        (await WaitUntilAsync(() => server.Trino.RequestsFor(query).Any(r => r.Method == "DELETE")))
            .ShouldBeTrue("completing the subscription sends DELETE nextUri");
    }

    [Fact]
    public async Task A_slow_subscriber_holds_the_trino_query_back()
    {
        const string sql = "SELECT n, label FROM numbers WHERE n >= 0";
        server.Trino.AddScenario(sql, Numbers(10_000_000, rowsPerPage: 1_000));
        var id = await server.TrinoSourceAsync();
        await using var slow = await server.ConnectAsync(receiveBufferBytes: 4 * 1024);

        await slow.SubscribeAsync("slow", Stream(id, sql));
        (await slow.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("next");
        await Task.Delay(TimeSpan.FromSeconds(2), Token);

        var query = server.Trino.QueriesFor(sql).Single();
        var pagesWhileStalled = query.PagesServed;
        await Task.Delay(TimeSpan.FromMilliseconds(500), Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"pages fetched while the client did not read: {pagesWhileStalled}");
        // A few windows of batches plus socket buffers: far from the 10,000 pages of the result.
        pagesWhileStalled.ShouldBeLessThan(200);
        query.PagesServed.ShouldBe(pagesWhileStalled, "the connector kept fetching pages although the client did not read");

        await slow.CompleteAsync("slow");
        (await WaitUntilAsync(() => query.IsCanceled)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_postgres_source_runs_and_streams_queries_in_read_only_transactions()
    {
        var id = await server.PostgresSourceAsync();

        var result = await server.PostAsync($$"""{ runQuery(input: {dataSourceId: "{{id}}", sql: "select g as n, g * 0.5 as half from generate_series(1, 3000) g", cacheTtlSeconds: 0}) { columns { name type kind } rowCount rows } }""");
        var runQuery = result.GetProperty("data").GetProperty("runQuery");
        runQuery.GetProperty("rowCount").GetInt32().ShouldBe(3_000);
        runQuery.GetProperty("columns")[1].GetProperty("kind").GetString().ShouldBe("DECIMAL");
        runQuery.GetProperty("rows")[2_999].GetRawText().ShouldBe("[3000,1500.0]");

        var write = await server.PostAsync($$"""{ runQuery(input: {dataSourceId: "{{id}}", sql: "select 1; drop table if exists x"}) { rowCount } }""");
        write.ErrorCode().ShouldBe("SQL_NOT_ALLOWED");

        await using var client = await server.ConnectAsync();
        await client.SubscribeAsync("pg", Stream(id, "select g from generate_series(1, 50000) g"));
        var messages = await client.ReceiveOperationAsync("pg", TimeSpan.FromSeconds(60));
        messages[^1]["type"]!.GetValue<string>().ShouldBe("complete");
        messages.Take(messages.Count - 1).Sum(m => m["payload"]!["data"]!["queryStream"]!["rows"]!.AsArray().Count).ShouldBe(50_000);
    }

    [Fact]
    public async Task Postgres_queries_that_time_out_or_are_completed_leave_no_backend()
    {
        var id = await server.PostgresSourceAsync();
        const string tag = "kurobe_api";

        var timedOut = await server.PostAsync($$"""{ runQuery(input: {dataSourceId: "{{id}}", sql: "select pg_sleep(30) as {{tag}}_sleep", timeoutSeconds: 1}) { rowCount } }""");
        timedOut.ErrorCode().ShouldBe("QUERY_TIMEOUT");
        (await WaitUntilAsync(() => server.BusyPostgresBackends() == 0)).ShouldBeTrue("the timed-out query still runs on the server");

        await using var client = await server.ConnectAsync(receiveBufferBytes: 4 * 1024);
        await client.SubscribeAsync("big", Stream(id, $"select generate_series(1, 1000000000) as {tag}_big"));
        (await client.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("next");
        server.BusyPostgresBackends().ShouldBe(1);
        await client.CompleteAsync("big");
        (await WaitUntilAsync(() => server.BusyPostgresBackends() == 0)).ShouldBeTrue("the completed stream's query still runs on the server");
    }

    private static string Stream(string id, string sql) =>
        $$"""subscription { queryStream(input: {dataSourceId: "{{id}}", sql: "{{sql}}"}) { rows rowCount done } }""";

    private static TrinoScenario Numbers(long rowCount, int rowsPerPage) => new()
    {
        Columns = [new FakeColumn("n", "bigint"), new FakeColumn("label", "varchar")],
        RowCount = rowCount,
        RowsPerPage = rowsPerPage,
        Row = n => [n, $"row {n}"],
    };

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, Token);
        }

        return true;
    }

    /// <summary>Kurobe on Kestrel next to a fake Trino coordinator; PostgreSQL is the one the test services started.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kurobe-engine-tests", Guid.NewGuid().ToString("N"));
        private readonly KestrelApiFactory _factory = new(socketSendBufferBytes: 32 * 1024);
        private readonly HttpClient _http = new() { DefaultRequestHeaders = { { "X-API-Key", KurobeApiFactory.BootstrapApiKey } } };
        private Uri _httpEndpoint = null!;
        private Uri _webSocketEndpoint = null!;
        private string? _database;

        public FakeTrinoServer Trino { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Trino.StartAsync(TestContext.Current.CancellationToken);
            _factory
                .WithSetting("Kurobe:Storage:DataDirectory", _dataDirectory)
                .WithSetting("Kurobe:GraphQL:StreamWindow", StreamWindow.ToString(CultureInfo.InvariantCulture))
                .WithSetting("Kurobe:Query:BatchRows", BatchRows.ToString(CultureInfo.InvariantCulture));
            (_httpEndpoint, _webSocketEndpoint) = _factory.StartOnLoopback();
        }

        public Task<GraphQLWsTestClient> ConnectAsync(int? receiveBufferBytes = null) =>
            ConnectAndInitAsync(receiveBufferBytes);

        public async Task<JsonElement> PostAsync(string query)
        {
            using var response = await _http.PostAsJsonAsync(_httpEndpoint, new { query }, Token);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();
        }

        public Task<string> TrinoSourceAsync() =>
            CreateAsync($$"""{ name: "{{Name("trino")}}", trino: { endpoint: "{{Trino.BaseUri}}", user: "kurobe", catalog: "tpch", schema: "tiny" } }""");

        /// <summary>A source on a database of its own, so its backends can be told from other tests'.</summary>
        public async Task<string> PostgresSourceAsync()
        {
            var settings = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString);
            if (_database is null)
            {
                _database = $"kurobe_api_{Guid.NewGuid():N}";
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(Token);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
                await create.ExecuteNonQueryAsync(Token);
            }

            return await CreateAsync($$"""
                { name: "{{Name("pg")}}", postgres: { host: "{{settings.Host}}", port: {{settings.Port}}, database: "{{_database}}", username: "{{settings.Username}}", sslMode: DISABLE }, secret: "{{settings.Password}}" }
                """);
        }

        /// <summary>Backends on the source's database that are running or holding a transaction open.</summary>
        public int BusyPostgresBackends()
        {
            using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("select count(*) from pg_stat_activity where datname = @db and state <> 'idle'", connection);
            command.Parameters.AddWithValue("db", _database!);
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _factory.DisposeAsync();
            await Trino.DisposeAsync();
            TestDirectories.TryDelete(_dataDirectory);
            if (_database is not null)
            {
                await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        private async Task<GraphQLWsTestClient> ConnectAndInitAsync(int? receiveBufferBytes)
        {
            var client = await GraphQLWsTestClient.ConnectOverTcpAsync(_webSocketEndpoint, receiveBufferBytes);
            await client.InitAndAckAsync();
            return client;
        }

        private async Task<string> CreateAsync(string input)
        {
            var response = await PostAsync($$"""mutation { createDataSource(input: {{input}}) { id } }""");
            if (response.TryGetProperty("errors", out var errors))
            {
                throw new InvalidOperationException(errors.GetRawText());
            }

            return response.GetProperty("data").GetProperty("createDataSource").GetProperty("id").GetString()!;
        }

        private static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
    }
}
