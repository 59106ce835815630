using System.Text.Json;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.RunSql;
using Kurobe.Application.UnitTests.Fakes;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Time.Testing;

namespace Kurobe.Application.UnitTests.Querying;

public sealed class RunSqlQueryHandlerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(0, 10, 0, false)]
    [InlineData(5, 10, 5, false)]
    [InlineData(10, 10, 10, false)]
    [InlineData(11, 10, 10, true)]
    [InlineData(25_000, 10_000, 10_000, true)]
    public async Task Returns_up_to_max_rows_and_says_when_it_cut_the_result_short(long available, int maxRows, long expected, bool truncated)
    {
        var runner = new FakeConnector(available);
        var setup = new Setup(runner, new QueryOptions { BatchRows = 1_000 });

        var result = await setup.RunSql().Handle(new RunSqlQuery(null, "select n", maxRows, null), None);

        result.RowCount.ShouldBe(expected);
        ((long)JsonDocument.Parse(result.Rows.Json).RootElement.GetArrayLength()).ShouldBe(expected);
        result.Truncated.ShouldBe(truncated);
        result.Columns.Single().Name.ShouldBe("n");
        runner.RequestedBatchSizes.ShouldAllBe(size => size <= 1_000);
        runner.OpenCursors.ShouldBe(0, "the cursor is closed when the result is complete");
    }

    [Fact]
    public async Task Without_max_rows_it_returns_the_configured_default()
    {
        var setup = new Setup(new FakeConnector(50), new QueryOptions { DefaultMaxRows = 20 });

        var result = await setup.RunSql().Handle(new RunSqlQuery(null, "select n", null, null), None);

        result.RowCount.ShouldBe(20);
        result.Truncated.ShouldBeTrue();
    }

    [Fact]
    public async Task Rows_come_back_in_order_across_batches()
    {
        var setup = new Setup(new FakeConnector(2_500), new QueryOptions { BatchRows = 1_000 });

        var result = await setup.RunSql().Handle(new RunSqlQuery(null, "select n", 5_000, null), None);

        var values = JsonDocument.Parse(result.Rows.Json).RootElement.EnumerateArray().Select(row => row[0].GetInt32()).ToList();
        values.ShouldBe(Enumerable.Range(0, 2_500).ToList());
    }

    [Fact]
    public async Task Runs_on_the_named_source_or_fails_with_not_found()
    {
        var other = FakeDataSources.DuckDb("other");
        var setup = new Setup(new FakeConnector(1), null, null, FakeDataSources.DuckDb("demo", isDefault: true), other);
        var handler = setup.RunSql();

        (await handler.Handle(new RunSqlQuery(other.Id, "select 1", null, null), None)).DataSourceId.ShouldBe(other.Id);

        var missing = new DataSourceId(Guid.NewGuid());
        var error = await Should.ThrowAsync<NotFoundException>(() => handler.Handle(new RunSqlQuery(missing, "select 1", null, null), None).AsTask());
        error.Message.ShouldContain(missing.ToString());
    }

    [Fact]
    public async Task Without_a_default_source_it_says_so()
    {
        var setup = new Setup(new FakeConnector(1), null, null, FakeDataSources.DuckDb("only"));

        var error = await Should.ThrowAsync<NotFoundException>(
            () => setup.RunSql().Handle(new RunSqlQuery(null, "select 1", null, null), None).AsTask());

        error.Message.ShouldContain("no default data source");
    }

    [Fact]
    public async Task A_query_past_its_time_limit_is_stopped_with_a_timeout()
    {
        var time = new FakeTimeProvider();
        var runner = new FakeConnector(1_000_000) { ReadDelay = TimeSpan.FromSeconds(2), TimeProvider = time };
        var setup = new Setup(runner, new QueryOptions { BatchRows = 10 }, time);

        var running = setup.RunSql().Handle(new RunSqlQuery(null, "select n", 100, 5), None).AsTask();
        for (var i = 0; i < 10 && !running.IsCompleted; i++)
        {
            await WaitUntilAsync(() => setup.Registry.Snapshot().Count == 1);
            time.Advance(TimeSpan.FromSeconds(2));
            await Task.Yield();
        }

        var error = await Should.ThrowAsync<QueryTimeoutException>(running);
        error.Message.ShouldContain("5 seconds");
        runner.OpenCursors.ShouldBe(0);
        setup.Registry.Snapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_running_query_is_listed_until_it_ends_and_can_be_cancelled()
    {
        var runner = new FakeConnector(long.MaxValue) { ReadDelay = TimeSpan.FromMilliseconds(20) };
        var setup = new Setup(runner, new QueryOptions { BatchRows = 10, MaxRows = 1_000_000 });

        var running = setup.RunSql().Handle(new RunSqlQuery(null, "select forever", 1_000_000, null), None).AsTask();
        await WaitUntilAsync(() => setup.Registry.Snapshot().Count == 1);
        var listed = setup.Registry.Snapshot().Single();
        listed.Sql.ShouldBe("select forever");

        setup.Registry.TryCancel(listed.Id).ShouldBeTrue();

        await Should.ThrowAsync<QueryCancelledException>(running);
        setup.Registry.Snapshot().ShouldBeEmpty();
        setup.Registry.TryCancel(listed.Id).ShouldBeFalse();
        runner.OpenCursors.ShouldBe(0);
    }

    [Fact]
    public async Task A_caller_that_goes_away_stops_the_query()
    {
        var runner = new FakeConnector(long.MaxValue) { ReadDelay = TimeSpan.FromMilliseconds(20) };
        var setup = new Setup(runner, new QueryOptions { BatchRows = 10, MaxRows = 1_000_000 });
        using var caller = new CancellationTokenSource();

        var running = setup.RunSql().Handle(new RunSqlQuery(null, "select n", 1_000_000, null), caller.Token).AsTask();
        await WaitUntilAsync(() => setup.Registry.Snapshot().Count == 1);
        await caller.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(running);
        runner.OpenCursors.ShouldBe(0);
        setup.Registry.Snapshot().ShouldBeEmpty();
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().ShouldBeTrue();
    }
}
