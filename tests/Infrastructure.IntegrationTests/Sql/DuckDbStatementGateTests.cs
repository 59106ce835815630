using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.IntegrationTests.DuckDb;
using Kurobe.Infrastructure.Sql;

namespace Kurobe.Infrastructure.IntegrationTests.Sql;

/// <summary>
/// Each way out of the DuckDB sandbox, refused by the gate; and, where the engine alone would also refuse it, proof
/// that the locked-down engine fails too and leaves no file behind. <c>{dir}</c> is a temp directory holding
/// <c>outside.csv</c>; the files a statement would create there must not exist afterwards.
/// </summary>
public sealed class DuckDbStatementGateTests(DuckDbTestDatabase database) : IClassFixture<DuckDbTestDatabase>, IDisposable
{
    private static readonly EngineLimits Limits = new(TimeSpan.FromSeconds(30));

    private static readonly string[] CreatedFiles = ["stolen.csv", "export", "other.db", "x.parquet", "secret.txt"];

    private readonly DuckDbStatementGate _gate = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, bool> Escapes => new()
    {
        // SQL, part of the reason, whether the locked-down engine refuses it on its own as well.
        { "select * from read_csv('{dir}/outside.csv')", "table function read_csv is not allowed", true },
        { "select * from read_csv('/etc/passwd')", "table function read_csv is not allowed", true },
        { "select * from read_csv_auto('{dir}/outside.csv')", "read_csv_auto", true },
        { "select * from read_text('/etc/passwd')", "read_text", true },
        { "select * from read_blob('/etc/passwd')", "read_blob", true },
        { "select * from read_parquet('{dir}/x.parquet')", "read_parquet", true },
        { "select * from parquet_scan('{dir}/x.parquet')", "parquet_scan", true },
        { "select * from read_json_auto('{dir}/outside.csv')", "read_json_auto", true },
        { "select * from read_ndjson('{dir}/outside.csv')", "read_ndjson", true },
        { "select * from glob('/*')", "glob", true },
        { "select * from sniff_csv('{dir}/outside.csv')", "sniff_csv", true },
        { "select * from query('select 42')", "table function query is not allowed", false },
        { "select * from query_table('numbers')", "query_table", false },
        { "select * from duckdb_settings()", "duckdb_settings", false },
        { "select * from pragma_database_list()", "pragma_database_list", false },
        { "select * from main.read_csv('{dir}/outside.csv')", "read_csv", true },
        { "select * from system.main.read_csv('{dir}/outside.csv')", "read_csv", true },
        { "FROM read_csv('{dir}/outside.csv')", "read_csv", true },
        { "SELECT * FROM '/etc/passwd'", "Reading files or URLs is not allowed", true },
        { "select * from '{dir}/outside.csv'", "Reading files or URLs is not allowed", true },
        { "FROM 'outside.csv'", "Reading files or URLs is not allowed", true },
        { "select * from \"outside.csv\"", "Reading files or URLs is not allowed", true },
        { "SELECT * FROM 'https://example.com/x.parquet'", "Reading files or URLs is not allowed", true },
        { "DESCRIBE '{dir}/outside.csv'", "Reading files or URLs is not allowed", true },
        { "SUMMARIZE '{dir}/outside.csv'", "Reading files or URLs is not allowed", true },
        { "select * from duckdb_databases", "system view duckdb_databases", false },
        { "COPY (SELECT 1) TO '{dir}/stolen.csv'", "found COPY", true },
        { "COPY numbers TO '{dir}/stolen.csv'", "found COPY", true },
        { "EXPORT DATABASE '{dir}/export'", "found EXPORT", true },
        { "ATTACH '{dir}/other.db'", "found ATTACH", true },
        { "INSTALL httpfs", "found INSTALL", true },
        { "LOAD httpfs", "found LOAD", true },
        { "SET enable_external_access = true", "found SET", true },
        { "SET threads = 8", "found SET", true },
        { "RESET threads", "found RESET", true },
        { "PRAGMA database_list", "found PRAGMA", false },
        { "CALL pragma_version()", "found CALL", false },
        { "CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 'v')", "found CREATE", false },
        { "CREATE TABLE t AS SELECT 1", "found CREATE", true },
        { "CREATE MACRO m() AS TABLE SELECT * FROM read_csv('{dir}/outside.csv')", "found CREATE", false },
        { "INSERT INTO numbers VALUES (1, 'x')", "found INSERT", true },
        { "UPDATE numbers SET label = 'x'", "found UPDATE", true },
        { "DELETE FROM numbers", "found DELETE", true },
        { "DROP TABLE numbers", "found DROP", true },
        { "EXPLAIN ANALYZE SELECT 1", "found EXPLAIN", false },
        { "CHECKPOINT", "found CHECKPOINT", false },
        { "select 1; select 2", "found 2 statements", false },
        // The cursor reads only the first result, so the engine never reaches the COPY; the file check still applies.
        { "select 1; COPY (SELECT 1) TO '{dir}/stolen.csv'", "found 2 statements", false },
        { "select ';'; select 2", "found 2 statements", false },
        { "SELECT (SELECT count(*) FROM read_csv('/etc/passwd'))", "read_csv", true },
        { "with a as (select * from read_csv('{dir}/outside.csv')) select * from a", "read_csv", true },
        { "with a as materialized (select 1) select * from a, (from glob('/*'))", "glob", true },
        { "select 1 union all select count(*) from read_text('/etc/passwd')", "read_text", true },
        { "select * from numbers n, lateral (select * from read_blob('/etc/passwd') where n.n = 1)", "read_blob", true },
        { "select * from numbers where label in (select content from read_text('/etc/passwd'))", "read_text", true },
        { "select * from numbers where exists (from '{dir}/outside.csv')", "Reading files or URLs", true },
        { "select * from numbers join read_csv('{dir}/outside.csv') r on true", "read_csv", true },
        { "select list_transform([1], x -> (select count(*) from read_csv('{dir}/outside.csv')))", "read_csv", true },
        { "select getenv('HOME')", "function getenv is not allowed", true },
        { "select current_setting('temp_directory')", "function current_setting is not allowed", false },
        { "select lower(current_setting('home_directory'))", "current_setting", false },
        { "select * from numbers order by current_setting('threads')", "current_setting", false },
        { "selec 1", "could not be parsed", true },
        { "", "no SQL statement", false },
        { "select 'open", "unterminated", true },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task Refuses_every_way_out_of_the_sandbox(string template, string reason, bool engineRefusesToo)
    {
        var sql = template.Replace("{dir}", database.Directory, StringComparison.Ordinal);

        var error = await Should.ThrowAsync<SqlNotAllowedException>(async () => await _gate.CheckAsync(sql, Token));

        error.Message.ShouldContain(reason, Case.Insensitive);
        if (engineRefusesToo)
        {
            await Should.ThrowAsync<QueryFailedException>(async () =>
            {
                await using var cursor = await database.Runner.OpenAsync(database.Source, sql, Limits, Token);
                await cursor.ReadAsync(1, Token);
            });
        }

        foreach (var file in CreatedFiles)
        {
            Path.Exists(Path.Combine(database.Directory, file)).ShouldBeFalse(file);
        }
    }

    [Theory]
    [InlineData("PRAGMA database_list")]
    [InlineData("select path from duckdb_databases")]
    [InlineData("select current_setting('temp_directory')")]
    [InlineData("select * from query('select 42')")]
    public async Task Refuses_what_the_locked_down_engine_would_still_run(string sql)
    {
        await using (var cursor = await database.Runner.OpenAsync(database.Source, sql, Limits, Token))
        {
            (await cursor.ReadAsync(1, Token)).RowCount.ShouldBe(1);
        }

        await Should.ThrowAsync<SqlNotAllowedException>(async () => await _gate.CheckAsync(sql, Token));
    }

    [Theory]
    [InlineData("select 1")]
    [InlineData("select n, label from numbers where n < 10 order by n")]
    [InlineData("SELECT count(*) FROM numbers;")]
    [InlineData("with t as (select n from numbers) select sum(n) from t")]
    [InlineData("with recursive r(i) as (select 1 union all select i + 1 from r where i < 5) select * from r")]
    [InlineData("select n, row_number() over (partition by n % 3 order by n) from numbers")]
    [InlineData("select * from range(10)")]
    [InlineData("select * from generate_series(1, 3)")]
    [InlineData("select unnest([1, 2, 3])")]
    [InlineData("select * from unnest([1, 2, 3])")]
    [InlineData("FROM numbers SELECT n")]
    [InlineData("from numbers")]
    [InlineData("values (1), (2)")]
    [InlineData("select 'read_csv(''/etc/passwd'')', ';', '/etc/passwd'")]
    [InlineData("select $$ ; select 2 $$")]
    [InlineData("select 1 as \"select\", 2 as \"copy\"")]
    [InlineData("select label as \"from 'x.csv'\" from numbers")]
    [InlineData("select n from numbers qualify row_number() over (order by n) = 1")]
    [InlineData("select list_transform([1, 2], x -> x + 1)")]
    [InlineData("describe numbers")]
    [InlineData("select * from information_schema.tables")]
    [InlineData("select * from numbers -- ; copy numbers to 'x.csv'")]
    [InlineData("UNPIVOT (select 1 as a, 2 as b) ON a, b INTO NAME k VALUE v")]
    public async Task Lets_read_only_queries_through_and_they_run(string sql)
    {
        var statement = await _gate.CheckAsync(sql, Token);

        await using var cursor = await database.Runner.OpenAsync(database.Source, statement.Sql, Limits, Token);
        await cursor.ReadAsync(10, Token);
    }

    [Fact]
    public async Task Returns_the_statement_without_the_trailing_semicolon_and_a_layout_free_key()
    {
        var statement = await _gate.CheckAsync("  SELECT n -- the number\n  FROM numbers ;", Token);
        var same = await _gate.CheckAsync("SELECT n FROM numbers", Token);
        var other = await _gate.CheckAsync("SELECT n FROM numbers WHERE label = 'row  1'", Token);

        statement.Sql.ShouldBe("SELECT n -- the number\n  FROM numbers");
        statement.NormalizedSql.ShouldBe("SELECT n FROM numbers");
        same.NormalizedSql.ShouldBe(statement.NormalizedSql);
        other.NormalizedSql.ShouldBe("SELECT n FROM numbers WHERE label = 'row  1'");
        _gate.Kind.ShouldBe(DataSourceKind.DuckDb);
    }

    [Fact]
    public async Task Checks_deeply_nested_expressions_and_refuses_what_the_parser_refuses()
    {
        var longSum = "select " + string.Join(" + ", Enumerable.Repeat("n", 500)) + " from numbers";
        var hidden = "select " + new string('(', 900) + "(select count(*) from read_csv('x'))" + new string(')', 900);
        var tooDeep = "select " + string.Join("+", Enumerable.Repeat("1", 5000));

        (await _gate.CheckAsync(longSum, Token)).Sql.ShouldBe(longSum);
        (await Should.ThrowAsync<SqlNotAllowedException>(async () => await _gate.CheckAsync(hidden, Token))).Message.ShouldContain("read_csv");
        (await Should.ThrowAsync<SqlNotAllowedException>(async () => await _gate.CheckAsync(tooDeep, Token))).Message.ShouldContain("could not be parsed");
    }

    [Fact]
    public async Task Checks_in_parallel_safely()
    {
        var checks = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            if (i % 2 == 0)
            {
                await _gate.CheckAsync($"select {i}", Token);
            }
            else
            {
                await Should.ThrowAsync<SqlNotAllowedException>(async () => await _gate.CheckAsync($"select * from read_csv('{i}.csv')", Token));
            }
        }, Token));

        await Task.WhenAll(checks);
    }

    public void Dispose() => _gate.Dispose();
}
