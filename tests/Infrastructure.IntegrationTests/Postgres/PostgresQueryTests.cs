using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Postgres;

public sealed class PostgresQueryTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly EngineLimits Limits = new(TimeSpan.FromSeconds(30));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_a_result_in_batches_of_at_most_the_rows_asked_for()
    {
        var connector = database.CreateConnector();
        await using var cursor = await connector.OpenAsync(database.Source, "select n, label from data.numbers order by n", Limits, Token);

        cursor.Columns.Select(c => (c.Name, c.SqlType, c.Kind)).ShouldBe([("n", "integer", ValueKind.Integer), ("label", "text", ValueKind.Text)]);
        var sizes = new List<int>();
        var last = Array.Empty<object?>();
        while (true)
        {
            var batch = await cursor.ReadAsync(3_000, Token);
            sizes.Add(batch.RowCount);
            if (batch.RowCount > 0)
            {
                last = batch.Row(batch.RowCount - 1).ToArray();
            }

            if (batch.IsLast)
            {
                break;
            }
        }

        sizes.Take(3).ShouldBe([3_000, 3_000, 3_000]);
        sizes.Sum().ShouldBe(10_000);
        sizes.ShouldAllBe(s => s <= 3_000);
        last.ShouldBe([9_999, "row 9999"]);
        (await cursor.ReadAsync(10, Token)).ShouldSatisfyAllConditions(b => b.RowCount.ShouldBe(0), b => b.IsLast.ShouldBeTrue());
    }

    [Fact]
    public async Task Maps_every_common_type_to_a_wire_ready_value_and_a_value_kind()
    {
        const string sql = """
            select 1::smallint i2, 2::integer i4, 3::bigint i8, 12.50::numeric(10,2) num, 'NaN'::numeric num_nan,
                   'Infinity'::numeric num_inf, 123456789012345678901234567890123::numeric num_big, 1.5::real f4,
                   2.5::double precision f8, true b, 'text'::text t, 'abc'::varchar(8) vc, 'ab'::char(3) ch,
                   date '2024-02-29' d, timestamp '2024-02-29 13:14:15.123456' ts, timestamptz '2024-02-29 13:14:15+02' tstz,
                   time '13:14:15' tm, timetz '13:14:15+02' tmtz, interval '3 days 04:05:06' iv, interval '1 year 2 months 3 days 04:00' iv_months,
                   '00000000-0000-0000-0000-000000000042'::uuid u, '\x6162'::bytea by, '{"a": 1}'::json j, '{"a":1}'::jsonb jb,
                   '<a/>'::xml x, array[1, null, 3] ints, array['a', 'b'] texts, array[date '2024-01-01'] dates,
                   array[[1, 2], [3, 4]] matrix, 'happy'::data.mood mood, 5::data.positive_int dom, '10.0.0.1'::inet ip,
                   '(1,2)'::point pt, '[1,5)'::int4range rng, B'1010' bits, 12.34::money cash, null::integer missing_value,
                   array[1.5, 'NaN', null]::numeric[] num_arr, -12345678901234567890.123456789012345::numeric num_long
            """;

        var connector = database.CreateConnector();
        await using var cursor = await connector.OpenAsync(database.Source, sql, Limits, Token);
        var row = (await PostgresTestDatabase.ReadAllAsync(cursor)).Single();
        var columns = cursor.Columns.ToDictionary(c => c.Name);
        object? Value(string name) => row[cursor.Columns.ToList().FindIndex(c => c.Name == name)];
        void Column(string name, string sqlType, ValueKind kind, object? value)
        {
            columns[name].ShouldSatisfyAllConditions(
                c => c.SqlType.ShouldBe(sqlType, name),
                c => c.Kind.ShouldBe(kind, name));
            Value(name).ShouldBe(value, name);
        }

        Column("i2", "smallint", ValueKind.Integer, (short)1);
        Column("i4", "integer", ValueKind.Integer, 2);
        Column("i8", "bigint", ValueKind.Integer, 3L);
        Column("num", "numeric(10,2)", ValueKind.Decimal, 12.50m);
        Column("num_nan", "numeric", ValueKind.Decimal, "NaN");
        Column("num_inf", "numeric", ValueKind.Decimal, "Infinity");
        Column("num_big", "numeric", ValueKind.Decimal, "123456789012345678901234567890123");
        Column("f4", "real", ValueKind.Float, 1.5f);
        Column("f8", "double precision", ValueKind.Float, 2.5d);
        Column("b", "boolean", ValueKind.Boolean, true);
        Column("t", "text", ValueKind.Text, "text");
        Column("vc", "character varying(8)", ValueKind.Text, "abc");
        Column("ch", "character(3)", ValueKind.Text, "ab ");
        Column("d", "date", ValueKind.Date, new DateOnly(2024, 2, 29));
        Column("ts", "timestamp without time zone", ValueKind.Timestamp, new DateTime(2024, 2, 29, 13, 14, 15, 123).AddTicks(4560));
        ((DateTime)Value("ts")!).Kind.ShouldBe(DateTimeKind.Unspecified);
        Column("tstz", "timestamp with time zone", ValueKind.TimestampWithTimeZone, new DateTimeOffset(2024, 2, 29, 11, 14, 15, TimeSpan.Zero));
        ((DateTimeOffset)Value("tstz")!).Offset.ShouldBe(TimeSpan.Zero);
        Column("tm", "time without time zone", ValueKind.Time, new TimeOnly(13, 14, 15));
        Column("tmtz", "time with time zone", ValueKind.Time, "13:14:15+02:00");
        Column("iv", "interval", ValueKind.Interval, new TimeSpan(3, 4, 5, 6));
        Column("iv_months", "interval", ValueKind.Interval, "P1Y2M3DT4H");
        Column("u", "uuid", ValueKind.Uuid, Guid.Parse("00000000-0000-0000-0000-000000000042"));
        Column("by", "bytea", ValueKind.Binary, "ab"u8.ToArray());
        Column("j", "json", ValueKind.Text, """{"a": 1}""");
        Column("jb", "jsonb", ValueKind.Text, """{"a": 1}""");
        Column("x", "xml", ValueKind.Text, "<a/>");
        Column("ints", "integer[]", ValueKind.List, new List<object?> { 1, null, 3 });
        Column("texts", "text[]", ValueKind.List, new List<object?> { "a", "b" });
        Column("dates", "date[]", ValueKind.List, new List<object?> { new DateOnly(2024, 1, 1) });
        columns["matrix"].Kind.ShouldBe(ValueKind.List);
        Value("matrix").ShouldBeAssignableTo<IList<object?>>()!.Count.ShouldBe(2);
        ((IList<object?>)((IList<object?>)Value("matrix")!)[1]!).ShouldBe([3, 4]);
        columns["mood"].Kind.ShouldBe(ValueKind.Text);
        Value("mood").ShouldBe("happy");
        columns["dom"].Kind.ShouldBe(ValueKind.Integer);
        Value("dom").ShouldBe(5);
        Column("ip", "inet", ValueKind.Unknown, "10.0.0.1");
        Column("pt", "point", ValueKind.Unknown, "(1,2)");
        columns["rng"].Kind.ShouldBe(ValueKind.Unknown);
        Value("rng").ShouldBe("[1,5)");
        Column("bits", "bit", ValueKind.Text, "1010");
        Column("cash", "money", ValueKind.Decimal, 12.34m);
        Value("missing_value").ShouldBeNull();
        Column("num_arr", "numeric[]", ValueKind.List, new List<object?> { 1.5m, "NaN", null });
        Column("num_long", "numeric", ValueKind.Decimal, "-12345678901234567890.123456789012345");
    }

    [Fact]
    public async Task Types_without_a_closer_mapping_arrive_as_postgres_text()
    {
        const string sql = """
            select row(1, 'a') rec, '(1,x)'::data.pair pair, 'a fat cat'::tsvector tsv, '10.0.0.0/8'::cidr net,
                   '08:00:2b:01:02:03'::macaddr mac, '1/2'::pg_lsn lsn, 'data.mood'::regtype rt, '{[1,3]}'::int4multirange mr,
                   array['(1,x)'::data.pair] pairs
            """;
        var connector = database.CreateConnector();
        await using var cursor = await connector.OpenAsync(database.Source, sql, Limits, Token);

        var row = (await PostgresTestDatabase.ReadAllAsync(cursor)).Single();

        cursor.Columns.ShouldAllBe(c => c.Kind == ValueKind.Unknown);
        cursor.Columns.Select(c => c.SqlType).ShouldBe(["record", "data.pair", "tsvector", "cidr", "macaddr", "pg_lsn", "regtype", "int4multirange", "data.pair[]"]);
        row.ShouldBe(["(1,a)", "(1,x)", "'a' 'cat' 'fat'", "10.0.0.0/8", "08:00:2b:01:02:03", "1/2", "data.mood", "{[1,4)}", "{\"(1,x)\"}"]);
    }

    [Fact]
    public async Task A_value_beyond_what_the_clr_type_holds_is_a_query_failure_naming_the_column()
    {
        var connector = database.CreateConnector();
        await using var cursor = await connector.OpenAsync(database.Source, "select timestamp '20000-01-01 00:00' far_future", Limits, Token);

        var error = await Should.ThrowAsync<QueryFailedException>(() => PostgresTestDatabase.ReadAllAsync(cursor));

        error.Message.ShouldContain("far_future");
    }

    [Fact]
    public async Task Sql_errors_come_back_with_postgres_own_message()
    {
        var connector = database.CreateConnector();

        var error = await Should.ThrowAsync<QueryFailedException>(() => connector.OpenAsync(database.Source, "select * from data.no_such_table", Limits, Token));

        error.Message.ShouldBe("relation \"data.no_such_table\" does not exist");
    }

    [Fact]
    public async Task Errors_while_streaming_are_query_failures_too()
    {
        var connector = database.CreateConnector();
        await using var cursor = await connector.OpenAsync(database.Source, "select 1 / (500000 - generate_series(1, 1000000))", Limits, Token);

        var error = await Should.ThrowAsync<QueryFailedException>(() => PostgresTestDatabase.ReadAllAsync(cursor, 10_000));

        error.Message.ShouldBe("division by zero");
    }

    [Fact]
    public async Task A_wrong_password_is_unavailable_and_the_message_names_no_password()
    {
        var connector = database.CreateConnector();
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");

        var error = await Should.ThrowAsync<DataSourceUnavailableException>(() => connector.OpenAsync(database.ReaderSource(wrong), "select 1", Limits, Token));

        error.Message.ShouldContain("refused the login");
        error.Message.ShouldNotContain(wrong);
        error.Message.ShouldNotContain(database.ReaderPassword);
        await Should.ThrowAsync<DataSourceUnavailableException>(() => connector.PingAsync(database.ReaderSource(wrong), Token));
    }

    [Fact]
    public async Task A_closed_port_is_unavailable()
    {
        var connector = database.CreateConnector();

        var error = await Should.ThrowAsync<DataSourceUnavailableException>(() => connector.OpenAsync(database.ReaderSource(database.ReaderPassword, port: 1), "select 1", Limits, Token));

        error.Message.ShouldContain("cannot be reached");
        error.Message.ShouldNotContain(database.ReaderPassword);
    }

    [Fact]
    public async Task The_password_is_decrypted_from_the_sources_secret()
    {
        var connector = database.CreateConnector();
        var source = database.Source;
        source.Secret!.Ciphertext.ShouldNotContain(database.ReaderPassword);

        var row = await PostgresTestDatabase.SingleRowAsync(connector, source, "select current_user, current_setting('application_name')", Limits);

        row.ShouldBe([database.ReaderRole, "kurobe"]);
    }
}
