using System.Diagnostics;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;

namespace Kurobe.Infrastructure.IntegrationTests.Postgres;

/// <summary>
/// The engine's own line of defence, for SQL that slipped past the statement gate: read-only transactions, settings
/// that do not outlive a query, and queries that really stop on the server when cancelled or out of time.
/// </summary>
public sealed class PostgresSandboxTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly EngineLimits Limits = new(TimeSpan.FromSeconds(30));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("insert into data.numbers values (-1, 'x')")]
    [InlineData("update data.numbers set label = 'x'")]
    [InlineData("delete from data.numbers")]
    [InlineData("create table data.stolen (i int)")]
    [InlineData("create temporary table stolen (i int)")]
    [InlineData("select * into data.stolen from data.numbers")]
    [InlineData("select nextval('data.ids')")]
    [InlineData("select * from data.numbers for update")]
    [InlineData("set transaction read write")]
    [InlineData("select set_config('transaction_read_only', 'off', false)")]
    [InlineData("commit; delete from data.numbers")]
    [InlineData("rollback; delete from data.numbers")]
    [InlineData("with gone as (delete from data.numbers returning *) select count(*) from gone")]
    [InlineData("select data.wipe()")]
    public async Task Writes_are_refused_even_for_a_superuser(string sql)
    {
        var connector = database.CreateConnector();

        foreach (var source in new[] { database.SuperuserSource(), database.Source })
        {
            await Should.ThrowAsync<QueryFailedException>(async () =>
            {
                await using var cursor = await connector.OpenAsync(source, sql, Limits, Token);
                await PostgresTestDatabase.ReadAllAsync(cursor);
            });
        }

        var check = await PostgresTestDatabase.SingleRowAsync(
            connector,
            database.SuperuserSource(),
            "select count(*), count(*) filter (where label = 'x'), to_regclass('data.stolen') is null from data.numbers",
            Limits);
        check.ShouldBe([10_000L, 0L, true]);
    }

    [Fact]
    public async Task The_superuser_is_stopped_by_the_read_only_transaction_itself()
    {
        var connector = database.CreateConnector();

        var error = await Should.ThrowAsync<QueryFailedException>(async () =>
        {
            await using var cursor = await connector.OpenAsync(database.SuperuserSource(), "select data.wipe()", Limits, Token);
            await PostgresTestDatabase.ReadAllAsync(cursor);
        });

        error.Message.ShouldBe("cannot execute DELETE in a read-only transaction");
    }

    [Theory]
    [InlineData("set role postgres")]
    [InlineData("select set_config('role', 'postgres', false)")]
    public async Task The_reader_cannot_become_the_superuser(string sql)
    {
        var connector = database.CreateConnector(maxPoolSize: 1);
        var before = await PostgresTestDatabase.SingleRowAsync(connector, database.Source, "select pg_backend_pid()", Limits);

        await Should.ThrowAsync<QueryFailedException>(async () =>
        {
            await using var cursor = await connector.OpenAsync(database.Source, sql, Limits, Token);
            await PostgresTestDatabase.ReadAllAsync(cursor);
        });

        var after = await PostgresTestDatabase.SingleRowAsync(connector, database.Source, "select pg_backend_pid(), current_user", Limits);
        after.ShouldBe([before[0], database.ReaderRole], "the same pooled connection, still the reader");
    }

    [Fact]
    public async Task Settings_a_query_changes_do_not_leak_into_the_next_query_on_the_same_connection()
    {
        var connector = database.CreateConnector(maxPoolSize: 1);
        var changes = await PostgresTestDatabase.SingleRowAsync(
            connector,
            database.Source,
            """
            select pg_backend_pid(), set_config('statement_timeout', '0', false), set_config('work_mem', '1MB', false),
                   set_config('search_path', 'evil', false), set_config('default_transaction_read_only', 'off', false)
            """,
            Limits);

        var next = await PostgresTestDatabase.SingleRowAsync(
            connector,
            database.Source,
            "select pg_backend_pid(), current_setting('statement_timeout'), current_setting('work_mem'), current_setting('search_path'), current_setting('transaction_read_only')",
            new EngineLimits(TimeSpan.FromSeconds(10)));

        next[0].ShouldBe(changes[0], "the same pooled connection");
        next.Skip(1).ShouldBe(["12s", "4MB", "\"$user\", public", "on"]);
    }

    [Fact]
    public async Task Advisory_locks_a_query_takes_are_released_with_it()
    {
        var connector = database.CreateConnector(maxPoolSize: 1);

        var pid = (int)(await PostgresTestDatabase.SingleRowAsync(connector, database.Source, "select pg_backend_pid(), pg_advisory_lock(4242)", Limits))[0]!;

        (await database.AdvisoryLocksHeldAsync(pid)).ShouldBe(0);
    }

    [Fact]
    public async Task A_role_changed_by_a_privileged_query_is_undone_by_the_rollback()
    {
        var connector = database.CreateConnector(maxPoolSize: 1);
        var superuser = database.SuperuserSource();
        var changed = await PostgresTestDatabase.SingleRowAsync(connector, superuser, $"select pg_backend_pid(), set_config('role', '{database.ReaderRole}', false), current_user", Limits);
        changed[2].ShouldBe(database.ReaderRole);

        var next = await PostgresTestDatabase.SingleRowAsync(connector, superuser, "select pg_backend_pid(), current_user", Limits);

        next.ShouldBe([changed[0], "postgres"]);
    }

    [Theory]
    [InlineData("select pg_read_file('/etc/passwd')")]
    [InlineData("select * from pg_ls_dir('.')")]
    [InlineData("select lo_import('/etc/passwd')")]
    [InlineData("copy data.numbers to 'stolen.csv'")]
    [InlineData("select * from data.secrets")]
    public async Task The_select_only_role_cannot_reach_files_or_ungranted_tables(string sql)
    {
        var connector = database.CreateConnector();

        var error = await Should.ThrowAsync<QueryFailedException>(async () =>
        {
            await using var cursor = await connector.OpenAsync(database.Source, sql, Limits, Token);
            await PostgresTestDatabase.ReadAllAsync(cursor);
        });

        error.Message.ShouldNotContain("root:");
    }

    [Fact]
    public async Task The_statement_timeout_stops_a_query_that_outlives_its_budget()
    {
        var connector = database.CreateConnector(marginSeconds: 1);
        var stopwatch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<QueryTimeoutException>(async () =>
        {
            await using var cursor = await connector.OpenAsync(database.Source, "select pg_sleep(30)", new EngineLimits(TimeSpan.FromSeconds(1)), Token);
            await PostgresTestDatabase.ReadAllAsync(cursor);
        });

        error.Limit.ShouldBe(TimeSpan.FromSeconds(1));
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        (await PostgresTestDatabase.EventuallyAsync(async () => await database.BusyBackendsAsync() == 0)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_paused_consumer_does_not_spend_the_time_budget()
    {
        var connector = database.CreateConnector(marginSeconds: 1);
        await using var cursor = await connector.OpenAsync(database.Source, "select n from data.numbers", new EngineLimits(TimeSpan.FromSeconds(1)), Token);
        (await cursor.ReadAsync(100, Token)).RowCount.ShouldBe(100);

        await Task.Delay(TimeSpan.FromSeconds(3), Token);

        (await PostgresTestDatabase.ReadAllAsync(cursor)).Count.ShouldBe(9_900);
    }

    [Fact]
    public async Task A_cursor_left_unread_past_the_idle_timeout_is_closed_by_the_server()
    {
        var connector = database.CreateConnector(marginSeconds: 1, idleCursorTimeoutSeconds: 1);
        await using var cursor = await connector.OpenAsync(database.Source, "select n from data.numbers", new EngineLimits(TimeSpan.FromSeconds(1)), Token);
        (await cursor.ReadAsync(100, Token)).RowCount.ShouldBe(100);

        (await PostgresTestDatabase.EventuallyAsync(async () => await database.BusyBackendsAsync() == 0)).ShouldBeTrue();

        var error = await Should.ThrowAsync<Exception>(() => PostgresTestDatabase.ReadAllAsync(cursor));
        error.ShouldBeOfType<QueryFailedException>().Message.ShouldContain("idle-in-transaction timeout");
    }

    [Fact]
    public async Task Cancelling_while_the_query_runs_stops_it_on_the_server()
    {
        var connector = database.CreateConnector();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var running = Task.Run(async () =>
        {
            await using var cursor = await connector.OpenAsync(database.Source, "select pg_sleep(60)", Limits, cancellation.Token);
            await cursor.ReadAsync(10, cancellation.Token);
        }, Token);
        (await PostgresTestDatabase.EventuallyAsync(async () => await database.RunningBackendsAsync() == 1)).ShouldBeTrue("the query should be seen running first");
        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => running);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        (await PostgresTestDatabase.EventuallyAsync(async () => await database.BusyBackendsAsync() == 0)).ShouldBeTrue();
    }

    [Fact]
    public async Task Cancelling_a_long_streaming_read_stops_it_on_the_server()
    {
        var connector = database.CreateConnector();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var rows = 0L;

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await using var cursor = await connector.OpenAsync(database.Source, "select generate_series(1, 100000000) i, repeat('x', 100)", Limits, cancellation.Token);
            while (true)
            {
                var batch = await cursor.ReadAsync(1_000, cancellation.Token);
                rows += batch.RowCount;
                if (rows >= 20_000 && !cancellation.IsCancellationRequested)
                {
                    (await database.BusyBackendsAsync()).ShouldBe(1, "the query should be seen running first");
                    await cancellation.CancelAsync();
                }
            }
        });

        rows.ShouldBeLessThan(10_000_000);
        (await PostgresTestDatabase.EventuallyAsync(async () => await database.BusyBackendsAsync() == 0)).ShouldBeTrue();
    }

    [Fact]
    public async Task Disposing_a_cursor_early_stops_the_query_instead_of_draining_it()
    {
        var connector = database.CreateConnector();
        var cursor = await connector.OpenAsync(database.Source, "select generate_series(1, 100000000) i, repeat('x', 100)", Limits, Token);
        (await cursor.ReadAsync(100, Token)).RowCount.ShouldBe(100);
        (await database.BusyBackendsAsync()).ShouldBe(1, "the query should be seen running first");

        var stopwatch = Stopwatch.StartNew();
        await cursor.DisposeAsync();

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), "draining 100 million rows takes minutes");
        (await PostgresTestDatabase.EventuallyAsync(async () => await database.BusyBackendsAsync() == 0)).ShouldBeTrue();
        var next = await PostgresTestDatabase.SingleRowAsync(connector, database.Source, "select 42", Limits);
        next.ShouldBe([42]);
    }
}
