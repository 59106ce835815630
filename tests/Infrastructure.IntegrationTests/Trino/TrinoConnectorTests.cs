using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.Trino;
using Kurobe.Plugins.Abstractions;
using Kurobe.TrinoFake;

namespace Kurobe.Infrastructure.IntegrationTests.Trino;

public sealed class TrinoConnectorTests(FakeTrinoFixture fake) : IClassFixture<FakeTrinoFixture>
{
    private static readonly EngineLimits Limits = new(TimeSpan.FromSeconds(30));

    private static readonly FakeColumn[] NumberColumns = [new("n", "bigint"), new("label", "varchar(25)"), new("half", "double")];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FakeTrinoServer Server => fake.Server;

    [Fact]
    public async Task Pages_through_every_row_in_order_with_columns_typed()
    {
        const string sql = "SELECT n, label, half FROM numbers -- paging";
        Server.AddScenario(sql, Numbers(rowCount: 1_050, rowsPerPage: 100));

        var rows = await ReadAllAsync(sql, batchSize: 333);

        rows.Count.ShouldBe(1_050);
        rows.Select(r => (long)r[0]!).ShouldBe(Enumerable.Range(0, 1_050).Select(i => (long)i));
        rows[1_049].ShouldBe([1_049L, "row 1049", 524.5d]);
        var query = Server.QueriesFor(sql).Single();
        query.IsFinished.ShouldBeTrue();
        query.IsCanceled.ShouldBeFalse();
        Server.RequestsFor(query).ShouldNotContain(r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Describes_the_columns_from_a_page_that_has_no_data()
    {
        const string sql = "SELECT n, label, half FROM numbers -- columns";
        Server.AddScenario(sql, Numbers(rowCount: 5, rowsPerPage: 5));

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);

        cursor.Columns.ShouldBe([
            new ResultColumn("n", "bigint", ValueKind.Integer),
            new ResultColumn("label", "varchar(25)", ValueKind.Text),
            new ResultColumn("half", "double", ValueKind.Float),
        ]);
        var batch = await cursor.ReadAsync(100, Token);
        batch.RowCount.ShouldBe(5);
        batch.IsLast.ShouldBeTrue();
    }

    [Fact]
    public async Task Skips_empty_pages_and_reads_columns_that_come_with_the_first_data()
    {
        const string sql = "SELECT n, label, half FROM numbers -- empty pages";
        Server.AddScenario(sql, new TrinoScenario
        {
            Columns = NumberColumns,
            RowCount = 250,
            RowsPerPage = 50,
            EmptyPagesBeforeEachDataPage = 3,
            ColumnsWithFirstData = true,
            QueuedPages = 3,
            Row = NumberRow,
        });

        var rows = await ReadAllAsync(sql, batchSize: 1_000);

        rows.Select(r => (long)r[0]!).ShouldBe(Enumerable.Range(0, 250).Select(i => (long)i));
        Server.QueriesFor(sql).Single().PagesServed.ShouldBe(3 + (5 * 4) + 1);
    }

    [Fact]
    public async Task Reads_a_next_uri_that_comes_after_the_data()
    {
        const string sql = "SELECT n, label, half FROM numbers -- next after data";
        Server.AddScenario(sql, new TrinoScenario { Columns = NumberColumns, RowCount = 500, RowsPerPage = 64, NextUriAfterData = true, Row = NumberRow });

        var rows = await ReadAllAsync(sql, batchSize: 100);

        rows.Count.ShouldBe(500);
        rows[^1][0].ShouldBe(499L);
    }

    [Fact]
    public async Task Returns_an_empty_result_as_one_last_batch()
    {
        const string sql = "SELECT n, label, half FROM numbers WHERE false";
        Server.AddScenario(sql, Numbers(rowCount: 0, rowsPerPage: 10));

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        var batch = await cursor.ReadAsync(10, Token);

        cursor.Columns.Count.ShouldBe(3);
        batch.RowCount.ShouldBe(0);
        batch.IsLast.ShouldBeTrue();
    }

    [Fact]
    public async Task Fetches_a_page_only_when_more_rows_are_asked_for()
    {
        const string sql = "SELECT n, label, half FROM numbers -- back-pressure";
        Server.AddScenario(sql, Numbers(rowCount: 10_000, rowsPerPage: 100));

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        var query = Server.QueriesFor(sql).Single();
        var servedAtOpen = query.PagesServed;
        (await cursor.ReadAsync(100, Token)).RowCount.ShouldBe(100);
        var servedAfterOnePage = query.PagesServed;
        await Task.Delay(200, Token);

        servedAtOpen.ShouldBe(2);
        servedAfterOnePage.ShouldBe(3);
        query.PagesServed.ShouldBe(3);
    }

    [Fact]
    public async Task Sql_errors_come_back_with_Trinos_message()
    {
        var exception = await Should.ThrowAsync<QueryFailedException>(
            () => fake.Connector.OpenAsync(fake.Source(), "SELECT * FROM nope", Limits, Token));

        exception.Message.ShouldBe("line 1:1: Table 'fake.default.unknown' does not exist");
    }

    [Fact]
    public async Task A_failure_after_some_pages_fails_the_read()
    {
        const string sql = "SELECT n, label, half FROM numbers -- syntax late";
        Server.AddScenario(sql, new TrinoScenario
        {
            Columns = NumberColumns,
            RowCount = 1_000,
            RowsPerPage = 100,
            Row = NumberRow,
            Failure = FakeTrinoError.SyntaxError("line 1:8: mismatched input"),
            FailAfterDataPages = 2,
        });

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        (await cursor.ReadAsync(200, Token)).RowCount.ShouldBe(200);
        var exception = await Should.ThrowAsync<QueryFailedException>(async () => await cursor.ReadAsync(200, Token));

        exception.Message.ShouldBe("line 1:8: mismatched input");
    }

    [Fact]
    public async Task Resource_failures_make_the_source_unavailable_and_time_limits_a_timeout()
    {
        Server.AddScenario("SELECT big FROM memory_hog", TrinoScenario.Failing(FakeTrinoError.InsufficientResources()));
        Server.AddScenario("SELECT slow FROM forever", TrinoScenario.Failing(FakeTrinoError.ExceededTimeLimit()));

        var unavailable = await Should.ThrowAsync<DataSourceUnavailableException>(
            () => fake.Connector.OpenAsync(fake.Source(), "SELECT big FROM memory_hog", Limits, Token));
        var timeout = await Should.ThrowAsync<QueryTimeoutException>(
            () => fake.Connector.OpenAsync(fake.Source(), "SELECT slow FROM forever", Limits, Token));

        unavailable.Message.ShouldContain("EXCEEDED_LOCAL_MEMORY_LIMIT");
        timeout.Limit.ShouldBe(Limits.Timeout);
    }

    [Fact]
    public async Task Cancelling_a_slow_page_deletes_the_query_and_throws_operation_cancelled()
    {
        const string sql = "SELECT n, label, half FROM numbers -- slow";
        Server.AddScenario(sql, new TrinoScenario
        {
            Columns = NumberColumns,
            RowCount = 1_000,
            RowsPerPage = 100,
            Row = NumberRow,
            PageDelay = TimeSpan.FromMinutes(5),
            PageDelayFromPage = 2,
        });

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        (await cursor.ReadAsync(100, Token)).RowCount.ShouldBe(100);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Token);
        budget.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(async () => await cursor.ReadAsync(100, budget.Token));

        var query = Server.QueriesFor(sql).Single();
        query.IsCanceled.ShouldBeTrue();
        Server.RequestsFor(query).ShouldContain(r => r.Method == "DELETE" && r.Path.Contains("/executing/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_while_opening_deletes_the_query()
    {
        const string sql = "SELECT n, label, half FROM numbers -- slow start";
        Server.AddScenario(sql, new TrinoScenario { Columns = NumberColumns, RowCount = 10, Row = NumberRow, PageDelay = TimeSpan.FromMinutes(5) });
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Token);
        budget.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => fake.Connector.OpenAsync(fake.Source(), sql, Limits, budget.Token));

        var query = Server.QueriesFor(sql).Single();
        query.IsCanceled.ShouldBeTrue();
        Server.RequestsFor(query).Count(r => r.Method == "DELETE").ShouldBe(1);
    }

    [Fact]
    public async Task Disposing_the_cursor_before_the_end_deletes_the_query()
    {
        const string sql = "SELECT n, label, half FROM numbers -- dispose early";
        Server.AddScenario(sql, Numbers(rowCount: 1_000, rowsPerPage: 100));

        var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        (await cursor.ReadAsync(10, Token)).RowCount.ShouldBe(10);
        await cursor.DisposeAsync();

        var query = Server.QueriesFor(sql).Single();
        query.IsCanceled.ShouldBeTrue();
        Server.RequestsFor(query).Count(r => r.Method == "DELETE").ShouldBe(1);
    }

    [Fact]
    public async Task An_endless_next_uri_chain_is_stopped_by_the_callers_budget()
    {
        const string sql = "SELECT n FROM endless -- no columns ever";
        Server.AddScenario(sql, new TrinoScenario { Endless = true });
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Token);
        budget.CancelAfter(TimeSpan.FromSeconds(1));

        await Should.ThrowAsync<OperationCanceledException>(() => fake.Connector.OpenAsync(fake.Source(), sql, Limits, budget.Token));

        var query = Server.QueriesFor(sql).Single();
        query.PagesServed.ShouldBeGreaterThan(2);
        query.IsCanceled.ShouldBeTrue();
        Server.RequestsFor(query).ShouldContain(r => r.Method == "DELETE");
    }

    [Fact]
    public async Task An_endless_chain_of_empty_pages_after_the_columns_is_stopped_while_reading()
    {
        const string sql = "SELECT n, label, half FROM endless -- columns then nothing";
        Server.AddScenario(sql, new TrinoScenario { Columns = NumberColumns, Endless = true });

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Token);
        budget.CancelAfter(TimeSpan.FromSeconds(1));
        await Should.ThrowAsync<OperationCanceledException>(async () => await cursor.ReadAsync(10, budget.Token));

        Server.QueriesFor(sql).Single().IsCanceled.ShouldBeTrue();
    }

    [Fact]
    public async Task A_huge_page_is_read_in_batches_with_bounded_memory()
    {
        const string sql = "SELECT n, label, half FROM numbers -- one huge page";
        const int rowCount = 2_000_000;
        Server.AddScenario(sql, Numbers(rowCount, rowsPerPage: rowCount));

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakGrowth = 0;
        long rows = 0;
        long expected = 0;
        var batches = 0;
        RowBatch batch;
        do
        {
            batch = await cursor.ReadAsync(1_000, Token);
            for (var i = 0; i < batch.RowCount; i++)
            {
                batch.Row(i)[0].ShouldBe(expected++);
            }

            rows += batch.RowCount;
            if (++batches % 250 == 0)
            {
                peakGrowth = Math.Max(peakGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }
        while (!batch.IsLast);

        rows.ShouldBe(rowCount);

        // The page is about 60 MB of JSON and its rows about 200 MB as objects; holding either would break this bound.
        peakGrowth.ShouldBeLessThan(40L * 1024 * 1024);
    }

    [Fact]
    public async Task Rides_out_a_503_storm_shorter_than_the_retry_limit()
    {
        const string sql = "SELECT n, label, half FROM numbers -- short storm";
        Server.AddScenario(sql, new TrinoScenario { Columns = NumberColumns, RowCount = 300, RowsPerPage = 100, Row = NumberRow, UnavailableResponses = 4, UnavailableAtPage = 2 });

        var rows = await ReadAllAsync(sql, batchSize: 1_000);

        rows.Count.ShouldBe(300);
        var query = Server.QueriesFor(sql).Single();
        Server.RequestsFor(query).Count(r => r.Path.EndsWith("/executing/" + query.Id + "/" + query.Slug + "/2", StringComparison.Ordinal)).ShouldBe(5);
    }

    [Fact]
    public async Task A_503_storm_longer_than_the_retry_limit_makes_the_source_unavailable()
    {
        const string sql = "SELECT n, label, half FROM numbers -- long storm";
        Server.AddScenario(sql, new TrinoScenario { Columns = NumberColumns, RowCount = 300, RowsPerPage = 100, Row = NumberRow, UnavailableResponses = 50, UnavailableAtPage = 0 });
        using var connector = fake.CreateConnector(maxRetries: 3);

        var exception = await Should.ThrowAsync<DataSourceUnavailableException>(() => connector.OpenAsync(fake.Source(), sql, Limits, Token));

        exception.Message.ShouldContain("503");
        Server.QueriesFor(sql).Single().IsCanceled.ShouldBeTrue();
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task A_query_that_vanished_makes_the_source_unavailable(int status)
    {
        var sql = $"SELECT n, label, half FROM numbers -- vanished {status}";
        Server.AddScenario(sql, new TrinoScenario { Columns = NumberColumns, RowCount = 300, RowsPerPage = 100, Row = NumberRow, ForcedStatus = status, ForcedStatusAtPage = 2 });

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        (await cursor.ReadAsync(100, Token)).RowCount.ShouldBe(100);
        var exception = await Should.ThrowAsync<DataSourceUnavailableException>(async () => await cursor.ReadAsync(100, Token));

        exception.Message.ShouldContain("vanished");
    }

    [Fact]
    public async Task Sends_only_Kurobes_own_headers()
    {
        const string sql = "SELECT n, label, half FROM numbers -- headers";
        Server.AddScenario(sql, Numbers(rowCount: 10, rowsPerPage: 10));

        await ReadAllAsync(sql, batchSize: 100);

        var query = Server.QueriesFor(sql).Single();
        var trinoHeaders = query.PostHeaders.Where(h => h.Key.StartsWith("X-Trino-", StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key.ToUpperInvariant()}: {h.Value}")
            .Order(StringComparer.Ordinal);
        trinoHeaders.ShouldBe([
            "X-TRINO-CATALOG: tpch",
            "X-TRINO-SCHEMA: tiny",
            "X-TRINO-SESSION: query_max_execution_time=35s",
            "X-TRINO-SOURCE: kurobe",
            "X-TRINO-USER: alice",
        ]);
        query.PostHeaders.ContainsKey("Authorization").ShouldBeFalse();
        Server.RequestsFor(query).Where(r => r.Method == "GET").ShouldAllBe(r => r.Header("X-Trino-User") == "alice");
    }

    [Fact]
    public async Task Leaves_out_catalog_and_schema_when_the_connection_has_none()
    {
        const string sql = "SELECT n, label, half FROM tpch.tiny.numbers -- no catalog";
        Server.AddScenario(sql, Numbers(rowCount: 1, rowsPerPage: 10));

        await using (var cursor = await fake.Connector.OpenAsync(fake.Source(catalog: null, schema: null), sql, new EngineLimits(TimeSpan.FromSeconds(2.5)), Token))
        {
            await cursor.ReadAsync(10, Token);
        }

        var headers = Server.QueriesFor(sql).Single().PostHeaders;
        headers.ContainsKey("X-Trino-Catalog").ShouldBeFalse();
        headers.ContainsKey("X-Trino-Schema").ShouldBeFalse();
        headers["X-Trino-Session"].ShouldBe("query_max_execution_time=8s");
    }

    [Fact]
    public async Task Maps_Trino_values_to_wire_ready_values()
    {
        const string sql = "SELECT every_type FROM samples";
        FakeColumn[] columns =
        [
            new("d", "decimal(10,2)"), new("big", "decimal(38,0)"), new("ts", "timestamp(3)"), new("tz_utc", "timestamp(3) with time zone"),
            new("tz_offset", "timestamp(3) with time zone"), new("tz_zone", "timestamp(3) with time zone"), new("dt", "date"),
            new("arr", "array(bigint)"), new("m", "map(varchar, integer)"), new("r", "row(a bigint, b varchar)"), new("u", "uuid"),
            new("bin", "varbinary"), new("ok", "boolean"), new("nan", "double"), new("iv", "interval day to second"), new("t", "time(3)"),
            new("missing", "varchar"),
        ];
        Server.AddScenario(sql, new TrinoScenario
        {
            Columns = columns,
            RowCount = 1,
            Row = _ =>
            [
                "12.50", "12345678901234567890123456789012345678", "2024-01-02 03:04:05.123", "2024-01-02 03:04:05.123 UTC",
                "2024-01-02 03:04:05.123 +01:00", "2024-01-02 03:04:05.123 America/New_York", "2024-02-29",
                new object?[] { 1L, 2L, null }, new Dictionary<string, object?> { ["k"] = 1 }, new object?[] { 7L, "x" },
                "12151fd2-7586-11e9-8f9e-2a86e4085a59", new byte[] { 1, 2, 3 }, true, double.NaN, "1 02:03:04.500", "13:14:15.123", null,
            ],
        });

        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        var row = (await cursor.ReadAsync(10, Token)).Row(0).ToArray();

        cursor.Columns.Select(c => c.Kind).ShouldBe([
            ValueKind.Decimal, ValueKind.Decimal, ValueKind.Timestamp, ValueKind.TimestampWithTimeZone, ValueKind.TimestampWithTimeZone,
            ValueKind.TimestampWithTimeZone, ValueKind.Date, ValueKind.List, ValueKind.Map, ValueKind.Struct, ValueKind.Uuid, ValueKind.Binary,
            ValueKind.Boolean, ValueKind.Float, ValueKind.Interval, ValueKind.Time, ValueKind.Text,
        ]);
        cursor.Columns[0].SqlType.ShouldBe("decimal(10,2)");
        row[0].ShouldBe(12.50m);
        row[1].ShouldBe("12345678901234567890123456789012345678");
        row[2].ShouldBe(new DateTime(2024, 1, 2, 3, 4, 5, 123, DateTimeKind.Unspecified));
        row[3].ShouldBe(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 123, TimeSpan.Zero));
        row[4].ShouldBe(new DateTimeOffset(2024, 1, 2, 2, 4, 5, 123, TimeSpan.Zero));
        row[5].ShouldBe(new DateTimeOffset(2024, 1, 2, 8, 4, 5, 123, TimeSpan.Zero));
        row[6].ShouldBe(new DateOnly(2024, 2, 29));
        row[7].ShouldBe(new List<object?> { 1L, 2L, null });
        row[8].ShouldBe(new Dictionary<string, object?> { ["k"] = 1 });
        row[9].ShouldBe(new Dictionary<string, object?> { ["a"] = 7L, ["b"] = "x" });
        row[10].ShouldBe(Guid.Parse("12151fd2-7586-11e9-8f9e-2a86e4085a59"));
        row[11].ShouldBe(new byte[] { 1, 2, 3 });
        row[12].ShouldBe(true);
        double.IsNaN((double)row[13]!).ShouldBeTrue();
        row[14].ShouldBe(new TimeSpan(1, 2, 3, 4, 500));
        row[15].ShouldBe(new TimeOnly(13, 14, 15, 123));
        row[16].ShouldBeNull();
    }

    [Fact]
    public async Task Reads_the_schema_of_the_connections_catalog_and_schema()
    {
        Server.AddScenario(TrinoSchemaQueries.Tables("tpch", "tiny"), new TrinoScenario
        {
            Columns = [new("table_schema", "varchar"), new("table_name", "varchar"), new("table_type", "varchar")],
            RowCount = 2,
            Row = n => n == 0 ? ["tiny", "nation", "BASE TABLE"] : ["tiny", "region_view", "VIEW"],
        });
        object?[][] columnRows =
        [
            ["tiny", "nation", "nationkey", "bigint", "NO"],
            ["tiny", "nation", "name", "varchar(25)", "YES"],
            ["tiny", "region_view", "regionkey", "bigint", "YES"],
        ];
        Server.AddScenario(TrinoSchemaQueries.Columns("tpch", "tiny"), new TrinoScenario
        {
            Columns = [new("table_schema", "varchar"), new("table_name", "varchar"), new("column_name", "varchar"), new("data_type", "varchar"), new("is_nullable", "varchar")],
            RowCount = columnRows.Length,
            RowsPerPage = 2,
            Row = n => columnRows[n],
        });

        var schema = await fake.Connector.ReadSchemaAsync(fake.Source(), Token);

        schema.Tables.Select(t => (t.Schema, t.Name, t.IsView, t.RowEstimate)).ShouldBe([("tpch.tiny", "nation", false, (long?)null), ("tpch.tiny", "region_view", true, null)]);
        schema.Tables[0].Columns.ShouldBe([
            new ColumnSchema("nationkey", "bigint", ValueKind.Integer, Nullable: false, Description: null),
            new ColumnSchema("name", "varchar(25)", ValueKind.Text, Nullable: true, Description: null),
        ]);
        TrinoSchemaQueries.Tables("tpch", "tiny").ShouldContain("\"tpch\".information_schema.tables");
        TrinoSchemaQueries.Tables("tpch", "it's").ShouldContain("table_schema = 'it''s'");
    }

    [Fact]
    public async Task A_connection_without_a_catalog_has_an_empty_schema()
    {
        var schema = await fake.Connector.ReadSchemaAsync(fake.Source(catalog: null, schema: null), Token);

        schema.Tables.ShouldBeEmpty();
    }

    [Fact]
    public async Task Ping_runs_a_query_and_reports_the_version()
    {
        Server.AddScenario("SELECT 1", new TrinoScenario { Columns = [new("_col0", "integer")], RowCount = 1, Row = _ => [1] });

        var version = await fake.Connector.PingAsync(fake.Source(), Token);

        version.ShouldBe($"Trino {FakeTrinoServer.Version}");
        Server.Requests.ShouldContain(r => r.Method == "GET" && r.Path == "/v1/info");
    }

    [Fact]
    public async Task An_unreachable_coordinator_makes_the_source_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await Should.ThrowAsync<DataSourceUnavailableException>(
            () => fake.Connector.OpenAsync(fake.Source(endpoint: new Uri($"http://127.0.0.1:{port}/")), "SELECT 1", Limits, Token));
    }

    [Fact]
    public async Task A_changed_source_gets_a_fresh_client_and_release_closes_it()
    {
        const string sql = "SELECT n, label, half FROM numbers -- revisions";
        Server.AddScenario(sql, Numbers(rowCount: 1, rowsPerPage: 10));
        var source = fake.Source(name: "changing");

        await (await fake.Connector.OpenAsync(source, sql, Limits, Token)).DisposeAsync();
        source.Rename(DataSourceName.Create("renamed"), DateTimeOffset.UtcNow);
        source.Reconnect(new TrinoConnection(Server.BaseUri, "bob", "tpch", null, TrinoAuthentication.None), DateTimeOffset.UtcNow);
        await using (var cursor = await fake.Connector.OpenAsync(source, sql, Limits, Token))
        {
            (await cursor.ReadAsync(10, Token)).RowCount.ShouldBe(1);
        }

        await fake.Connector.ReleaseAsync(source.Id);
        await using (var cursor = await fake.Connector.OpenAsync(source, sql, Limits, Token))
        {
            (await cursor.ReadAsync(10, Token)).RowCount.ShouldBe(1);
        }

        Server.QueriesFor(sql).Select(q => q.PostHeaders["X-Trino-User"]).ShouldBe(["alice", "bob", "bob"]);
    }

    [Fact]
    public async Task Refuses_to_follow_a_next_uri_to_another_server()
    {
        const string sql = "SELECT n, label, half FROM numbers -- foreign next";
        Server.AddScenario(sql, new TrinoScenario { Columns = NumberColumns, RowCount = 10, Row = NumberRow, ForeignNextUri = true });

        var exception = await Should.ThrowAsync<DataSourceUnavailableException>(() => fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token));

        exception.Message.ShouldContain("another server");
        Server.Requests.ShouldNotContain(r => r.Header("Host")!.StartsWith("localhost", StringComparison.Ordinal));
    }

    private async Task<List<object?[]>> ReadAllAsync(string sql, int batchSize)
    {
        await using var cursor = await fake.Connector.OpenAsync(fake.Source(), sql, Limits, Token);
        var rows = new List<object?[]>();
        RowBatch batch;
        do
        {
            batch = await cursor.ReadAsync(batchSize, Token);
            for (var i = 0; i < batch.RowCount; i++)
            {
                rows.Add(batch.Row(i).ToArray());
            }
        }
        while (!batch.IsLast);

        return rows;
    }

    private static TrinoScenario Numbers(long rowCount, int rowsPerPage) =>
        new() { Columns = NumberColumns, RowCount = rowCount, RowsPerPage = rowsPerPage, Row = NumberRow };

    private static object?[] NumberRow(long n) => [n, $"row {n}", n * 0.5];
}
