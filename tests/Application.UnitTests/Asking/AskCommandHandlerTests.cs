using Kurobe.Application.Asking;
using Kurobe.Application.Asking.Ask;
using Kurobe.Application.Asking.Ports;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Application.UnitTests.Asking;

public sealed class AskCommandHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Func<TextToSqlRequest, CancellationToken, Task<TextToSqlResult>> Answers(params string[] sql)
    {
        var next = 0;
        return (_, _) => Task.FromResult(TextToSqlResult.Answer(sql[Math.Min(next++, sql.Length - 1)], "read as a count", 0.9, new ModelUsage("m", 100, 20, 0.01m)));
    }

    [Fact]
    public async Task An_answer_carries_the_sql_rows_engine_explanation_and_usage_and_is_recorded()
    {
        var harness = new AskHarness(Answers("select n from numbers"));

        var result = await harness.Ask().Handle(new AskCommand("how many numbers?", null, null), Token);

        result.Problems.ShouldBeEmpty();
        result.Sql.ShouldBe("select n from numbers");
        result.RowCount.ShouldBe(3);
        System.Text.Encoding.UTF8.GetString(result.Rows.ShouldNotBeNull().Json.Span).ShouldBe("[[0],[1],[2]]");
        result.Engine.ShouldBe(new AskEngine("scripted", "default"));
        result.Explanation.ShouldBe("read as a count");
        result.Usage.ShouldBe(new AskUsage(100, 20, 0.01m));
        result.Corrections.ShouldBe(0);
        result.Chart.ShouldBeNull("no visualization engine is configured, and that does not fail the answer");
        var record = harness.History.Records.ShouldHaveSingleItem();
        record.Id.ShouldBe(result.Id);
        record.Outcome.ShouldBe(AskOutcome.Answered);
        record.TenantId.ShouldBe(AskHarness.Analyst.TenantId);
        record.RowCount.ShouldBe(3);
        harness.Engine.Leases.ShouldBe(0);
    }

    [Fact]
    public async Task A_refusal_is_an_answer_without_sql_or_rows_with_the_reason_and_suggestions()
    {
        var harness = new AskHarness((_, _) => Task.FromResult(TextToSqlResult.Refuse("There is no weather in this data.") with { Suggestions = ["Ask about revenue."] }));

        var result = await harness.Ask().Handle(new AskCommand("will it rain tomorrow?", null, null), Token);

        result.Sql.ShouldBeNull();
        result.Rows.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(AskProblemCodes.CannotAnswer);
        problem.Message.ShouldBe("There is no weather in this data.");
        problem.Suggestions.ShouldBe(["Ask about revenue."]);
        harness.Connector.Inner.Statements.ShouldBeEmpty();
        harness.History.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AskOutcome.Refused);
    }

    [Fact]
    public async Task Sql_refused_by_the_gate_is_sent_back_for_correction_and_the_corrected_sql_runs()
    {
        var harness = new AskHarness(Answers("refuse: drop table numbers", "select n from numbers"));

        var result = await harness.Ask().Handle(new AskCommand("how many?", null, null), Token);

        result.Problems.ShouldBeEmpty();
        result.Sql.ShouldBe("select n from numbers");
        result.Corrections.ShouldBe(1);
        harness.Engine.Requests.Count.ShouldBe(2);
        harness.Engine.Requests[0].PreviousAttempt.ShouldBeNull();
        harness.Engine.Requests[1].PreviousAttempt.ShouldBe(new FailedAttempt("refuse: drop table numbers", "Refused by the test gate."));
        result.Usage.ShouldBe(new AskUsage(200, 40, 0.02m), "usage adds up over the corrections");
    }

    [Fact]
    public async Task Sql_the_source_cannot_plan_is_sent_back_for_correction_and_never_runs()
    {
        var harness = new AskHarness(Answers("select broken from numbers", "select n from numbers"));

        var result = await harness.Ask().Handle(new AskCommand("how many?", null, null), Token);

        result.Problems.ShouldBeEmpty();
        result.Corrections.ShouldBe(1);
        harness.Engine.Requests[1].PreviousAttempt!.Error.ShouldContain("column \"broken\" does not exist");
        harness.Connector.Inner.Statements.ShouldAllBe(s => !s.Contains("broken"));
        harness.Connector.Inner.Statements.ShouldContain(s => s.Contains("LIMIT 0") && s.Contains("select n from numbers"), "the corrected SQL is planned before it runs");
    }

    [Fact]
    public async Task When_corrections_run_out_the_last_failure_decides_the_problem()
    {
        var gate = new AskHarness(Answers("refuse 1", "refuse 2", "refuse 3", "refuse 4"), new AskOptions { MaxCorrections = 2 });
        var plan = new AskHarness(Answers("select broken"), new AskOptions { MaxCorrections = 1 });

        var byGate = await gate.Ask().Handle(new AskCommand("q", null, null), Token);
        var byPlan = await plan.Ask().Handle(new AskCommand("q", null, null), Token);

        gate.Engine.Requests.Count.ShouldBe(3, "one attempt and two corrections");
        byGate.Problems.ShouldHaveSingleItem().Code.ShouldBe(AskProblemCodes.SqlNotAllowed);
        byGate.Sql.ShouldBeNull();
        byGate.Rows.ShouldBeNull();
        gate.History.Records.ShouldHaveSingleItem().Sql.ShouldBe("refuse 3", "history keeps the last SQL tried");
        plan.Engine.Requests.Count.ShouldBe(2);
        byPlan.Problems.ShouldHaveSingleItem().Code.ShouldBe(AskProblemCodes.CannotAnswer);
        byPlan.Problems[0].Message.ShouldContain("does not exist");
    }

    [Fact]
    public async Task A_throwing_engine_is_contained_as_engine_failed_with_a_safe_message()
    {
        var harness = new AskHarness((_, _) => throw new InvalidOperationException("plugin bug at C:\\secret\\key.txt"));

        var result = await harness.Ask().Handle(new AskCommand("q", null, null), Token);

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(AskProblemCodes.EngineFailed);
        problem.Message.ShouldBe("The text-to-SQL engine 'scripted' failed.");
        result.Sql.ShouldBeNull();
        harness.Engine.Leases.ShouldBe(0);
        harness.History.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AskOutcome.Failed);
    }

    [Fact]
    public async Task An_engine_that_hangs_past_its_time_limit_fails_the_ask_even_when_it_ignores_cancellation()
    {
        var harness = new AskHarness((_, _) => new TaskCompletionSource<TextToSqlResult>().Task, new AskOptions { EngineTimeoutSeconds = 1 });

        var result = await harness.Ask().Handle(new AskCommand("q", null, null), Token);

        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(AskProblemCodes.EngineFailed);
        result.Problems[0].Message.ShouldContain("did not answer within 1 s");
    }

    [Fact]
    public async Task No_configured_engine_is_engine_unavailable()
    {
        var harness = new AskHarness(Answers("select 1"));
        harness.Engine.Unavailable = true;

        var result = await harness.Ask().Handle(new AskCommand("q", null, "nowhere"), Token);

        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(AskProblemCodes.EngineUnavailable);
        result.Problems[0].Message.ShouldContain("nowhere");
        result.Engine.ShouldBeNull();
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_the_engine_call_and_history_says_cancelled()
    {
        var engineSawCancellation = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var harness = new AskHarness(async (_, token) =>
        {
            started.SetResult();
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

        var asking = harness.Ask().Handle(new AskCommand("q", null, null), cancellation.Token).AsTask();
        await started.Task.WaitAsync(Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => asking);
        await engineSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        harness.History.Records.ShouldHaveSingleItem().Outcome.ShouldBe(AskOutcome.Cancelled);
        harness.Engine.Leases.ShouldBe(0);
    }

    [Fact]
    public async Task The_engine_gets_the_tenants_verified_examples_most_similar_first_and_the_reference_date()
    {
        var harness = new AskHarness(Answers("select n from numbers"), new AskOptions { ReferenceDate = new DateOnly(2025, 12, 15), MaxExamples = 2 });
        var source = Kurobe.Domain.DataSources.DataSourceId.ForConfiguredSource(Kurobe.Domain.DataSources.DataSourceName.Create("demo"));
        var other = new Kurobe.Domain.Tenancy.TenantId(Guid.NewGuid());
        VerifiedExampleEntry Example(string question, Kurobe.Domain.Tenancy.TenantId tenant) =>
            new(Guid.NewGuid(), tenant, source, question, $"select '{question}'", null, "user-1", DateTimeOffset.UnixEpoch);
        harness.Examples.Entries.AddRange([
            Example("revenue by month", AskHarness.Analyst.TenantId),
            Example("orders by country", AskHarness.Analyst.TenantId),
            Example("revenue by country", other),
            Example("number of customers", AskHarness.Analyst.TenantId),
        ]);

        await harness.Ask().Handle(new AskCommand("Revenue by country?", null, null), Token);

        var request = harness.Engine.Requests.ShouldHaveSingleItem();
        request.ReferenceDate.ShouldBe(new DateOnly(2025, 12, 15));
        request.Examples.Select(e => e.Question).ShouldBe(["orders by country", "revenue by month"]);
        request.Model.ShouldBeNull();
        request.Schema.Tables.ShouldHaveSingleItem().Name.ShouldBe("numbers");
    }

    [Fact]
    public async Task A_question_must_be_1_to_1000_characters_and_the_engine_a_profile_name()
    {
        var validator = new AskCommandValidator();

        (await validator.ValidateAsync(new AskCommand("", null, null), Token)).IsValid.ShouldBeFalse();
        (await validator.ValidateAsync(new AskCommand(new string('x', 1_001), null, null), Token)).IsValid.ShouldBeFalse();
        (await validator.ValidateAsync(new AskCommand("revenue?", null, "Bad Name!"), Token)).IsValid.ShouldBeFalse();
        (await validator.ValidateAsync(new AskCommand(new string('x', 1_000), null, "llm_fast"), Token)).IsValid.ShouldBeTrue();
    }
}
