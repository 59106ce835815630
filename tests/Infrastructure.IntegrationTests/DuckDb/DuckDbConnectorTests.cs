using Kurobe.Application.Querying.Ports;
using System.Diagnostics;
using System.Numerics;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying;
using Kurobe.Plugins.Abstractions;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.IntegrationTests.DuckDb;

public sealed class DuckDbConnectorTests(DuckDbTestDatabase database) : IClassFixture<DuckDbTestDatabase>
{
    private static readonly EngineLimits Limits = new(TimeSpan.FromSeconds(30));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_a_result_in_batches_until_the_last()
    {
        await using var cursor = await database.Runner.OpenAsync(database.Source, "select n, label from numbers order by n", Limits, Token);

        cursor.Columns.Select(c => (c.Name, c.SqlType, c.Kind)).ShouldBe([("n", "BIGINT", ValueKind.Integer), ("label", "VARCHAR", ValueKind.Text)]);
        var batches = new List<RowBatch>();
        RowBatch batch;
        do
        {
            batch = await cursor.ReadAsync(3_000, Token);
            batches.Add(batch);
        }
        while (!batch.IsLast);

        batches.Select(b => b.RowCount).ShouldBe([3_000, 3_000, 3_000, 1_000]);
        batches[^1].Row(999).ToArray().ShouldBe([9_999L, "row 9999"]);
        (await cursor.ReadAsync(10, Token)).ShouldSatisfyAllConditions(b => b.RowCount.ShouldBe(0), b => b.IsLast.ShouldBeTrue());
    }

    [Fact]
    public async Task Maps_every_common_type_to_a_wire_ready_value_and_a_value_kind()
    {
        const string sql = """
            select 1::TINYINT ti, 2::SMALLINT si, 3::INTEGER i, 4::BIGINT bi, 170141183460469231731687303715884105727::HUGEINT hi,
                   5::UBIGINT ubi, 12.50::DECIMAL(10,2) d, 1.5::DOUBLE f, 2.5::FLOAT r, true b, 'text' s, 'a'::ENUM('a','b') e,
                   DATE '2024-02-29' dt, TIMESTAMP '2024-02-29 13:14:15.123456' ts, TIMESTAMPTZ '2024-02-29 13:14:15+02' tz,
                   TIME '13:14:15' t, INTERVAL 3 DAY iv, '00000000-0000-0000-0000-000000000042'::UUID u, 'ab'::BLOB bl,
                   [1, 2, 3] l, {'x': 1, 'y': 'z'} st, MAP {'k': 1} m, NULL::INTEGER missing_value, 'NaN'::DOUBLE nan
            """;

        await using var cursor = await database.Runner.OpenAsync(database.Source, sql, Limits, Token);
        var row = (await cursor.ReadAsync(1, Token)).Row(0).ToArray();
        var columns = cursor.Columns.ToDictionary(c => c.Name);
        object? Value(string name) => row[cursor.Columns.ToList().FindIndex(c => c.Name == name)];

        columns["d"].SqlType.ShouldBe("DECIMAL(10,2)");
        columns["d"].Kind.ShouldBe(ValueKind.Decimal);
        Value("d").ShouldBe(12.50m);
        columns["hi"].Kind.ShouldBe(ValueKind.Integer);
        Value("hi").ShouldBe(BigInteger.Parse("170141183460469231731687303715884105727", System.Globalization.CultureInfo.InvariantCulture));
        Value("ubi").ShouldBe(5UL);
        columns["e"].Kind.ShouldBe(ValueKind.Text);
        Value("e").ShouldBe("a");
        columns["dt"].Kind.ShouldBe(ValueKind.Date);
        Value("dt").ShouldBe(new DateOnly(2024, 2, 29));
        columns["ts"].Kind.ShouldBe(ValueKind.Timestamp);
        Value("ts").ShouldBe(new DateTime(2024, 2, 29, 13, 14, 15, 123).AddTicks(4560));
        columns["tz"].Kind.ShouldBe(ValueKind.TimestampWithTimeZone);
        Value("tz").ShouldBe(new DateTimeOffset(2024, 2, 29, 11, 14, 15, TimeSpan.Zero));
        Value("t").ShouldBe(new TimeOnly(13, 14, 15));
        Value("iv").ShouldBe(TimeSpan.FromDays(3));
        columns["u"].Kind.ShouldBe(ValueKind.Uuid);
        Value("u").ShouldBe(Guid.Parse("00000000-0000-0000-0000-000000000042"));
        columns["bl"].Kind.ShouldBe(ValueKind.Binary);
        Value("bl").ShouldBe("ab"u8.ToArray());
        columns["l"].Kind.ShouldBe(ValueKind.List);
        columns["st"].Kind.ShouldBe(ValueKind.Struct);
        columns["m"].Kind.ShouldBe(ValueKind.Map);
        Value("missing_value").ShouldBeNull();
        double.IsNaN((double)Value("nan")!).ShouldBeTrue();
    }

    [Fact]
    public async Task Sql_errors_come_back_with_the_engines_explanation()
    {
        var error = await Should.ThrowAsync<QueryFailedException>(() => database.Runner.OpenAsync(database.Source, "select * from no_such_table", Limits, Token));

        error.Message.ShouldContain("no_such_table");
    }

    [Theory]
    [InlineData("create table t(i int)")]
    [InlineData("insert into numbers values (1, 'x')")]
    [InlineData("set threads = 8")]
    [InlineData("select * from read_csv('{dir}/outside.csv')")]
    [InlineData("select * from '{dir}/outside.csv'")]
    [InlineData("copy numbers to '{dir}/stolen.csv'")]
    [InlineData("attach '{dir}/other.duckdb'")]
    [InlineData("install httpfs")]
    public async Task The_database_is_read_only_and_cannot_touch_files_or_settings(string sql)
    {
        await Should.ThrowAsync<QueryFailedException>(async () =>
        {
            await using var cursor = await database.Runner.OpenAsync(database.Source, sql.Replace("{dir}", database.Directory, StringComparison.Ordinal), Limits, Token);
            await cursor.ReadAsync(1, Token);
        });

        File.Exists(Path.Combine(database.Directory, "stolen.csv")).ShouldBeFalse();
        File.Exists(Path.Combine(database.Directory, "other.duckdb")).ShouldBeFalse();
    }

    [Fact]
    public async Task Cancelling_interrupts_a_running_query_in_the_engine()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await using var cursor = await database.Runner.OpenAsync(database.Source, "select count(*) from range(10000000000) a", Limits, cancellation.Token);
            await cursor.ReadAsync(1, cancellation.Token);
        });

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "the engine stops, rather than the caller giving up while it runs on");
        await using var next = await database.Runner.OpenAsync(database.Source, "select 42", Limits, Token);
        (await next.ReadAsync(1, Token)).Row(0)[0].ShouldBe(42);
    }

    [Fact]
    public async Task A_missing_database_is_unavailable_without_revealing_server_paths()
    {
        var error = await Should.ThrowAsync<DataSourceUnavailableException>(() => database.Runner.OpenAsync(database.Missing(), "select 1", Limits, Token));

        error.Message.ShouldNotContain(database.Directory);
        error.Message.ShouldContain("missing");
    }

    [Fact]
    public async Task A_source_that_could_not_be_opened_works_once_its_file_exists()
    {
        var late = database.Missing();
        await Should.ThrowAsync<DataSourceUnavailableException>(() => database.Runner.OpenAsync(late, "select 1", Limits, Token));

        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={((DuckDbConnection)late.Connection).Path}"))
        {
            connection.Open();
        }

        await using var cursor = await database.Runner.OpenAsync(late, "select 7", Limits, Token);
        (await cursor.ReadAsync(1, Token)).Row(0)[0].ShouldBe(7);
    }
}
