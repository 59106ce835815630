using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Postgres;

public sealed class PostgresSchemaTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly EngineLimits Limits = new(TimeSpan.FromSeconds(30));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_the_tables_and_views_the_role_may_select_from()
    {
        var connector = database.CreateConnector();

        var schema = await connector.ReadSchemaAsync(database.Source, Token);

        schema.Tables.Select(t => (t.Schema, t.Name, t.IsView)).ShouldBe(
        [
            ("data", "big_numbers", true),
            ("data", "everything", false),
            ("data", "number_stats", true),
            ("data", "numbers", false),
        ]);
    }

    [Fact]
    public async Task Describes_columns_in_order_with_types_nullability_and_comments()
    {
        var connector = database.CreateConnector();

        var tables = (await connector.ReadSchemaAsync(database.Source, Token)).Tables.ToDictionary(t => t.Name);

        var numbers = tables["numbers"];
        numbers.Description.ShouldBe("Ten thousand numbers");
        numbers.RowEstimate.ShouldBe(10_000);
        numbers.Columns.ShouldBe(
        [
            new ColumnSchema("n", "integer", ValueKind.Integer, false, "The number"),
            new ColumnSchema("label", "text", ValueKind.Text, true, null),
        ]);
        tables["everything"].Columns.Select(c => (c.Name, c.Type, c.Kind, c.Nullable)).ShouldBe(
        [
            ("id", "integer", ValueKind.Integer, false),
            ("price", "numeric(10,2)", ValueKind.Decimal, true),
            ("at_tz", "timestamp with time zone", ValueKind.TimestampWithTimeZone, true),
            ("tags", "text[]", ValueKind.List, true),
            ("feeling", "data.mood", ValueKind.Text, true),
            ("positive", "data.positive_int", ValueKind.Integer, true),
            ("doc", "jsonb", ValueKind.Text, true),
        ]);
        tables["everything"].Columns[1].Description.ShouldBe("Unit price");
        tables["everything"].RowEstimate.ShouldBeNull("never analyzed");
        tables["big_numbers"].ShouldSatisfyAllConditions(
            t => t.Description.ShouldBe("Numbers over 9000"),
            t => t.RowEstimate.ShouldBeNull(),
            t => t.Columns.Single().Name.ShouldBe("n"));
    }

    [Fact]
    public async Task Result_column_types_match_the_schemas()
    {
        var connector = database.CreateConnector();
        var table = (await connector.ReadSchemaAsync(database.Source, Token)).Tables.Single(t => t.Name == "everything");

        await using var cursor = await connector.OpenAsync(database.Source, "select * from data.everything", Limits, Token);

        cursor.Columns.Select(c => (c.Name, c.Kind)).ShouldBe(table.Columns.Select(c => (c.Name, c.Kind)));
        cursor.Columns.Take(4).Select(c => c.SqlType).ShouldBe(table.Columns.Take(4).Select(c => c.Type));
    }

    [Fact]
    public async Task A_table_granted_later_appears_and_an_ungranted_one_stays_hidden()
    {
        var connector = database.CreateConnector();
        await database.ExecuteAdminAsync($"CREATE TABLE data.later (x int); GRANT SELECT (x) ON data.later TO {database.ReaderRole}; CREATE TABLE data.hidden (y int)");

        var names = (await connector.ReadSchemaAsync(database.Source, Token)).Tables.Select(t => t.Name).ToList();

        names.ShouldContain("later");
        names.ShouldNotContain("hidden");
        names.ShouldNotContain("secrets");
        await database.ExecuteAdminAsync("DROP TABLE data.later, data.hidden");
    }

    [Fact]
    public async Task Ping_returns_the_server_version()
    {
        var connector = database.CreateConnector();

        var version = await connector.PingAsync(database.Source, Token);

        version.ShouldNotBeNull().ShouldStartWith("PostgreSQL 15.");
        version.ShouldNotContain(" on ");
    }

    [Fact]
    public async Task Release_closes_the_pooled_connections_and_a_later_query_opens_new_ones()
    {
        var connector = database.CreateConnector();
        var pid = (int)(await PostgresTestDatabase.SingleRowAsync(connector, database.Source, "select pg_backend_pid()", Limits))[0]!;
        (await database.BackendExistsAsync(pid)).ShouldBeTrue("the pool keeps the idle connection");

        await connector.ReleaseAsync(database.Source.Id);

        (await PostgresTestDatabase.EventuallyAsync(async () => !await database.BackendExistsAsync(pid))).ShouldBeTrue();
        var again = (int)(await PostgresTestDatabase.SingleRowAsync(connector, database.Source, "select pg_backend_pid()", Limits))[0]!;
        again.ShouldNotBe(pid);
    }

    [Fact]
    public async Task A_newer_revision_of_a_source_gets_a_fresh_pool_and_the_old_one_is_closed()
    {
        var connector = database.CreateConnector();
        var id = new DataSourceId(Guid.NewGuid());
        var first = (int)(await PostgresTestDatabase.SingleRowAsync(connector, database.ReaderSource(database.ReaderPassword, id: id), "select pg_backend_pid()", Limits))[0]!;

        var second = (int)(await PostgresTestDatabase.SingleRowAsync(connector, database.ReaderSource(database.ReaderPassword, revision: 2, id: id), "select pg_backend_pid()", Limits))[0]!;

        second.ShouldNotBe(first);
        (await PostgresTestDatabase.EventuallyAsync(async () => !await database.BackendExistsAsync(first))).ShouldBeTrue();
        (await database.BackendExistsAsync(second)).ShouldBeTrue();
    }
}
