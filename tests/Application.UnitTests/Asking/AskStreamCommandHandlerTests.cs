using Kurobe.Application.Asking;
using Kurobe.Application.Asking.AskStream;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Application.UnitTests.Asking;

public sealed class AskStreamCommandHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_streams_understood_sql_ready_rows_and_done()
    {
        var harness = new AskHarness((_, _) => Task.FromResult(TextToSqlResult.Answer("select n from numbers", "all numbers", 0.8)), rows: 250);

        var events = new List<AskStreamEvent>();
        await foreach (var step in harness.AskStream().Handle(new AskStreamCommand("all numbers", null, null), Token))
        {
            events.Add(step);
        }

        events[0].Phase.ShouldBe(AskPhase.Understood);
        events[0].Explanation.ShouldBe("all numbers");
        events[1].Phase.ShouldBe(AskPhase.SqlReady);
        events[1].Sql.ShouldBe("select n from numbers");
        var rows = events.Where(e => e.Phase == AskPhase.Rows).ToList();
        rows.Count.ShouldBeGreaterThan(1, "rows come in batches");
        rows[0].Columns.ShouldNotBeNull().Single().Name.ShouldBe("n");
        rows.Sum(e => e.Rows!.RowCount).ShouldBe(250);
        events[^1].Phase.ShouldBe(AskPhase.Done);
        events[^1].RowCount.ShouldBe(250);
        events.ShouldAllBe(e => e.AskId == events[0].AskId);
        harness.History.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AskOutcome.Answered);
    }

    [Fact]
    public async Task A_refusal_streams_one_failed_event_with_the_problem()
    {
        var harness = new AskHarness((_, _) => Task.FromResult(TextToSqlResult.Refuse("No weather here.")));

        var events = new List<AskStreamEvent>();
        await foreach (var step in harness.AskStream().Handle(new AskStreamCommand("rain?", null, null), Token))
        {
            events.Add(step);
        }

        var failed = events.ShouldHaveSingleItem();
        failed.Phase.ShouldBe(AskPhase.Failed);
        failed.Problems.ShouldNotBeNull().ShouldHaveSingleItem().Code.ShouldBe(AskProblemCodes.CannotAnswer);
        failed.Sql.ShouldBeNull();
    }

    [Fact]
    public async Task Leaving_the_stream_during_a_slow_query_stops_the_query_and_history_says_cancelled()
    {
        var harness = new AskHarness((_, _) => Task.FromResult(TextToSqlResult.Answer("select n from numbers")), rows: 1_000_000, readDelay: TimeSpan.FromMilliseconds(200));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var phases = new List<AskPhase>();
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var step in harness.AskStream().Handle(new AskStreamCommand("q", null, null), cancellation.Token))
            {
                phases.Add(step.Phase);
                if (step.Phase == AskPhase.Rows)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        phases.ShouldBe([AskPhase.Understood, AskPhase.SqlReady, AskPhase.Rows]);
        harness.Connector.Inner.OpenCursors.ShouldBe(0, "the query's cursor was closed");
        harness.Setup.Registry.Snapshot().ShouldBeEmpty();
        harness.History.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AskOutcome.Cancelled);
    }

    [Fact]
    public async Task Leaving_the_stream_while_the_engine_thinks_cancels_the_engine_call()
    {
        var engineSawCancellation = new TaskCompletionSource();
        var harness = new AskHarness(async (_, token) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                engineSawCancellation.SetResult();
                throw;
            }

            return TextToSqlResult.Refuse("never");
        });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in harness.AskStream().Handle(new AskStreamCommand("q", null, null), cancellation.Token))
            {
            }
        });

        await engineSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        harness.Engine.Leases.ShouldBe(0);
    }
}
