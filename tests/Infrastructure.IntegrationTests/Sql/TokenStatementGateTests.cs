using Kurobe.Application.Common.Errors;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.Sql;

namespace Kurobe.Infrastructure.IntegrationTests.Sql;

public sealed class TokenStatementGateTests
{
    private static readonly TokenStatementGate Postgres = new(DataSourceKind.Postgres);
    private static readonly TokenStatementGate Trino = new(DataSourceKind.Trino);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TokenStatementGate Gate(string engine) => engine == "trino" ? Trino : Postgres;

    [Theory]
    [InlineData("select 1; drop table x", "found 2 statements")]
    [InlineData("select 1; -- tail\n drop table x", "found 2 statements")]
    [InlineData("select ';' as a; delete from t", "found 2 statements")]
    [InlineData("select 1 /* ; */; select 2", "found 2 statements")]
    [InlineData("select $$;$$; select 2", "found 2 statements")]
    [InlineData("insert into t values (1)", "found INSERT")]
    [InlineData("UPDATE t SET a = 1", "found UPDATE")]
    [InlineData("delete from t", "found DELETE")]
    [InlineData("merge into t using s on t.id = s.id when matched then delete", "found MERGE")]
    [InlineData("with x as (delete from t returning *) select * from x", "found DELETE")]
    [InlineData("with x as (insert into t values (1) returning *) select * from x", "found INSERT")]
    [InlineData("with x as (update t set a = 1 returning *) select * from x", "found UPDATE")]
    [InlineData("SET ROLE postgres", "found SET")]
    [InlineData("RESET ALL", "found RESET")]
    [InlineData("select 1; set role postgres", "found 2 statements")]
    [InlineData("select set_config('role', 'postgres', false)", "set_config is not allowed")]
    [InlineData("select pg_read_file('/etc/passwd')", "pg_read_file is not allowed")]
    [InlineData("SELECT pg_catalog.pg_read_file('/etc/passwd')", "pg_read_file is not allowed")]
    [InlineData("SELECT pg_catalog . pg_read_file /* hidden */ ('/etc/passwd')", "pg_read_file is not allowed")]
    [InlineData("select \"pg_read_file\"('/etc/passwd')", "pg_read_file is not allowed")]
    [InlineData("select pg_catalog.\"pg_read_file\"('/etc/passwd')", "pg_read_file is not allowed")]
    [InlineData("select U&\"\\0070g_read_file\"('/etc/passwd')", "pg_read_file is not allowed")]
    [InlineData("select U&\"!0070g_read_file\" UESCAPE '!' ('/etc/passwd')", "UESCAPE")]
    [InlineData("select pg_read_binary_file('/etc/passwd')", "pg_read_binary_file is not allowed")]
    [InlineData("select * from pg_ls_dir('/')", "pg_ls_dir is not allowed")]
    [InlineData("select pg_ls_waldir()", "pg_ls_waldir is not allowed")]
    [InlineData("select pg_stat_file('/etc/passwd')", "pg_stat_file is not allowed")]
    [InlineData("select lo_import('/etc/passwd')", "lo_import is not allowed")]
    [InlineData("select lo_export(1, '/tmp/x')", "lo_export is not allowed")]
    [InlineData("select * from dblink('host=x', 'delete from t') as t(a int)", "dblink is not allowed")]
    [InlineData("select dblink_exec('delete from t')", "dblink_exec is not allowed")]
    [InlineData("select pg_terminate_backend(1)", "pg_terminate_backend is not allowed")]
    [InlineData("select pg_advisory_lock(1)", "pg_advisory_lock is not allowed")]
    [InlineData("select query_to_xml('delete from t', true, true, '')", "query_to_xml is not allowed")]
    [InlineData("select pg_reload_conf()", "pg_reload_conf is not allowed")]
    [InlineData("select nextval('s')", "nextval is not allowed")]
    [InlineData("SELECT * INTO t FROM x", "INTO creates a table")]
    [InlineData("select * from t for update", "Locking clauses")]
    [InlineData("select * from t FOR NO KEY UPDATE", "Locking clauses")]
    [InlineData("select * from t for share", "Locking clauses")]
    [InlineData("select * from t for key share", "Locking clauses")]
    [InlineData("COPY t TO '/tmp/x'", "found COPY")]
    [InlineData("copy (select 1) to program 'id'", "found COPY")]
    [InlineData("DO $$ begin perform 1; end $$", "found DO")]
    [InlineData("DO $$ begin delete from t; end $$; select 1", "found 2 statements")]
    [InlineData("explain analyze delete from t", "found EXPLAIN")]
    [InlineData("create table t as select 1", "found CREATE")]
    [InlineData("begin", "found BEGIN")]
    [InlineData("vacuum", "found VACUUM")]
    [InlineData("call p()", "found CALL")]
    [InlineData("select 1 where exists (select 1) union all select 1 from t where (delete) is null", "found DELETE")]
    [InlineData(@"select 'a\'';drop table t;--'", "backslash before a quote")]
    [InlineData(@"select 'C:\'", "backslash before a quote")]
    [InlineData("", "no SQL statement")]
    [InlineData("  -- only a comment", "no SQL statement")]
    [InlineData("select 'open", "unterminated")]
    [InlineData("trino|select 1; select 2", "found 2 statements")]
    [InlineData("trino|insert into t values (1)", "found INSERT")]
    [InlineData("trino|table t", "found TABLE")]
    [InlineData("trino|show tables", "found SHOW")]
    [InlineData("trino|call system.runtime.kill_query('x')", "found CALL")]
    [InlineData("trino|select * from table(system.query(query => 'delete from t'))", "query is not allowed")]
    [InlineData("trino|select * from table(pg.system.raw_query(query => 'x'))", "raw_query is not allowed")]
    [InlineData("trino|set time zone 'UTC'", "found SET")]
    [InlineData("trino|start transaction", "found START")]
    [InlineData("trino|create table t as select 1", "found CREATE")]
    [InlineData("trino|select 1 /* /* */ ; drop table t", "found 2 statements")]
    public async Task Refuses_with_a_plain_reason(string sql, string reason)
    {
        var (engine, text) = Split(sql);

        var error = await Should.ThrowAsync<SqlNotAllowedException>(async () => await Gate(engine).CheckAsync(text, Token));

        error.Message.ShouldContain(reason, Case.Insensitive);
    }

    [Theory]
    [InlineData("select 1")]
    [InlineData("SELECT a, b FROM t WHERE c = 'x' ORDER BY 1 LIMIT 10;")]
    [InlineData("with x as (select 1 as a) select * from x")]
    [InlineData("with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select * from r")]
    [InlineData("values (1), (2)")]
    [InlineData("table t")]
    [InlineData("(select 1) union (select 2)")]
    [InlineData("select row_number() over (partition by a order by b) from t")]
    [InlineData("select 'insert into t; drop table x; select pg_read_file(''/etc/passwd'')'")]
    [InlineData("select $$;$$, $q$ delete from t; $q$")]
    [InlineData("select \"update\", \"delete\", \"set\" from t")]
    [InlineData("select t.update, t.start from t")]
    [InlineData("select count(*) as delete from t")]
    [InlineData("select pg_sleep(1)")]
    [InlineData("select current_setting('search_path')")]
    [InlineData("select substring(a from 1 for 2) from t")]
    [InlineData("select * from t fetch first 5 rows only")]
    [InlineData("select case when a then 1 else 2 end from t")]
    [InlineData("select * from t where a ? 'k'")]
    [InlineData("select $1::int")]
    [InlineData("select E'it\\'s'")]
    [InlineData(@"select 'a\d+' ~ '\w'")]
    [InlineData(@"trino|select 'C:\'")]
    [InlineData("select 1 -- ; drop table t\n, 2")]
    [InlineData("trino|select * from t")]
    [InlineData("trino|with x as (select 1) select * from x")]
    [InlineData("trino|values 1, 2")]
    [InlineData("trino|select * from t where a = ?")]
    [InlineData("trino|select * from t for timestamp as of timestamp '2024-01-01 00:00:00'")]
    [InlineData("trino|select * from table(exclude_columns(input => table(t), columns => descriptor(a)))")]
    public async Task Lets_read_only_queries_through(string sql)
    {
        var (engine, text) = Split(sql);

        var statement = await Gate(engine).CheckAsync(text, Token);

        statement.Sql.ShouldBe(text.Trim().TrimEnd(';').Trim());
    }

    [Fact]
    public async Task Returns_the_statement_without_the_trailing_semicolon_and_a_layout_free_key()
    {
        var statement = await Postgres.CheckAsync("  SELECT a,\n   b -- columns\nFROM t ;  ", Token);
        var same = await Postgres.CheckAsync("SELECT a, b FROM t", Token);

        statement.Sql.ShouldBe("SELECT a,\n   b -- columns\nFROM t");
        statement.NormalizedSql.ShouldBe("SELECT a, b FROM t");
        same.NormalizedSql.ShouldBe(statement.NormalizedSql);
    }

    [Fact]
    public void Serves_postgresql_and_trino_only()
    {
        Postgres.Kind.ShouldBe(DataSourceKind.Postgres);
        Trino.Kind.ShouldBe(DataSourceKind.Trino);
        Should.Throw<ArgumentOutOfRangeException>(() => new TokenStatementGate(DataSourceKind.DuckDb));
    }

    private static (string Engine, string Sql) Split(string sql) =>
        sql.StartsWith("trino|", StringComparison.Ordinal) ? ("trino", sql["trino|".Length..]) : ("postgres", sql);
}
