using Kurobe.Application.Querying;
using Kurobe.Application.Querying.StreamSql;
using Kurobe.Application.UnitTests.Fakes;

namespace Kurobe.Application.UnitTests.Querying;

public sealed class StreamSqlQueryHandlerTests
{
    [Fact]
    public async Task Streams_every_row_in_growing_batches_with_columns_first_and_totals_last()
    {
        var runner = new FakeConnector(10_000);
        var setup = new Setup(runner, new QueryOptions { FirstBatchRows = 100, BatchRows = 1_000 });

        var events = await StreamAsync(setup, new StreamSqlQuery(null, "select n", null, null));

        events[0].Columns.ShouldNotBeNull().Single().Name.ShouldBe("n");
        events.Skip(1).ShouldAllBe(e => e.Columns == null);
        events.Sum(e => e.Rows.RowCount).ShouldBe(10_000);
        events[^1].Done.ShouldBeTrue();
        events[^1].RowCount.ShouldBe(10_000);
        events[^1].Truncated.ShouldBeFalse();
        events.Take(events.Count - 1).ShouldAllBe(e => !e.Done);
        runner.RequestedBatchSizes.Take(5).ShouldBe([100, 200, 400, 800, 1_000]);
        runner.OpenCursors.ShouldBe(0);
    }

    [Fact]
    public async Task Stops_at_max_rows_and_says_it_truncated()
    {
        var setup = new Setup(new FakeConnector(1_000_000), new QueryOptions { FirstBatchRows = 100, BatchRows = 1_000 });

        var events = await StreamAsync(setup, new StreamSqlQuery(null, "select n", 2_345, null));

        events.Sum(e => e.Rows.RowCount).ShouldBe(2_345);
        events[^1].Done.ShouldBeTrue();
        events[^1].Truncated.ShouldBeTrue();
        events[^1].RowCount.ShouldBe(2_345);
    }

    [Fact]
    public async Task An_empty_result_is_one_event_with_columns_and_done()
    {
        var setup = new Setup(new FakeConnector(0));

        var events = await StreamAsync(setup, new StreamSqlQuery(null, "select n where false", null, null));

        var only = events.ShouldHaveSingleItem();
        only.Columns.ShouldNotBeNull();
        only.Done.ShouldBeTrue();
        only.RowCount.ShouldBe(0);
    }

    [Fact]
    public async Task Reads_only_as_fast_as_the_consumer_takes_events()
    {
        var runner = new FakeConnector(long.MaxValue);
        var setup = new Setup(runner, new QueryOptions { FirstBatchRows = 10, BatchRows = 10 });
        var handler = new StreamSqlQueryHandler(setup.Executor, setup.Options, setup.Time);

        await using (var stream = handler.Handle(new StreamSqlQuery(null, "select n", null, null), TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < 3; i++)
            {
                (await stream.MoveNextAsync()).ShouldBeTrue();
            }

            runner.RequestedBatchSizes.Count.ShouldBe(3, "the handler does not read ahead of its consumer");
        }

        runner.OpenCursors.ShouldBe(0, "abandoning the stream closes the query");
        setup.Registry.Snapshot().ShouldBeEmpty();
    }

    private static async Task<List<QueryStreamEvent>> StreamAsync(Setup setup, StreamSqlQuery query)
    {
        var events = new List<QueryStreamEvent>();
        await foreach (var e in new StreamSqlQueryHandler(setup.Executor, setup.Options, setup.Time).Handle(query, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
