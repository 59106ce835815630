using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using System.Runtime.CompilerServices;
using FluentValidation;
using Kurobe.Application.Asking.Answering;
using Kurobe.Application.Engines;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.StreamSql;
using Kurobe.Application.Visualization.RecommendChart;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Visualization;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Asking.AskStream;

/// <summary>
/// Answers a question step by step: what was understood, the SQL, the rows in batches, a chart, and the totals, or
/// the problems that stopped it. Ending the stream cancels the engine call and the query.
/// </summary>
[RequiresRole(Role.Analyst)]
public sealed record AskStreamCommand(string Question, DataSourceId? DataSourceId, string? Engine) : IStreamCommand<AskStreamEvent>;

/// <summary>The steps of a streamed answer, in order; <see cref="Rows"/> repeats, <see cref="Chart"/> follows the first rows.</summary>
public enum AskPhase
{
    /// <summary>The engine read the question: explanation, confidence and engine.</summary>
    Understood,

    /// <summary>The SQL passed the checks and is about to run.</summary>
    SqlReady,

    /// <summary>A batch of rows; the first carries the columns.</summary>
    Rows,

    /// <summary>A chart recommended from the columns and the first batch.</summary>
    Chart,

    /// <summary>The last event of an answer: totals and timings.</summary>
    Done,

    /// <summary>The last event of an ask that got no (complete) answer: the problems.</summary>
    Failed,
}

/// <summary>One step of a streamed answer; the fields of other phases are null.</summary>
public sealed record AskStreamEvent(
    Guid AskId,
    AskPhase Phase,
    string Question,
    AskEngine? Engine = null,
    string? Explanation = null,
    double? Confidence = null,
    string? Sql = null,
    IReadOnlyList<ResultColumn>? Columns = null,
    RowBatch? Rows = null,
    long RowCount = 0,
    bool Truncated = false,
    ChartRecommendation? Chart = null,
    IReadOnlyList<AskProblem>? Problems = null,
    AskUsage? Usage = null,
    AskTimings? Timings = null);

public sealed class AskStreamCommandValidator : AbstractValidator<AskStreamCommand>
{
    public AskStreamCommandValidator() => AskValidation.AddQuestionRules(this, c => c.Question, c => c.Engine);
}

public sealed partial class AskStreamCommandHandler(
    AskAnswerer answerer,
    StreamSqlQueryHandler streamSql,
    RecommendChartQueryHandler charts,
    IOptions<AskOptions> options,
    TimeProvider timeProvider,
    ILogger<AskStreamCommandHandler> logger)
    : IStreamCommandHandler<AskStreamCommand, AskStreamEvent>
{
    public async IAsyncEnumerable<AskStreamEvent> Handle(AskStreamCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await answerer.PrepareAsync(command.Question.Trim(), command.DataSourceId, command.Engine, cancellationToken);
        var state = new State();
        try
        {
            await foreach (var step in AnswerAsync(context, state, cancellationToken))
            {
                yield return step;
            }
        }
        finally
        {
            await answerer.RecordAsync(context, state.Generation?.Sql ?? state.Generation?.LastSql, state.Outcome, state.Problems, state.Generation?.Engine, state.RowCount);
        }
    }

    private async IAsyncEnumerable<AskStreamEvent> AnswerAsync(AskContext context, State state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var generation = await Guard(answerer.GenerateAsync(context, cancellationToken), state);
        if (generation is null || generation.Sql is not { } sql)
        {
            state.Generation = generation;
            state.Problems = generation?.Problems ?? state.Problems;
            state.Outcome = generation is null ? AskOutcome.Failed : Ask.AskCommandHandler.OutcomeOf(state.Problems);
            yield return Failed(context, generation, state.Problems);
            yield break;
        }

        state.Generation = generation;
        yield return new AskStreamEvent(context.AskId, AskPhase.Understood, context.Question, generation.Engine, generation.Explanation, generation.Confidence, Usage: generation.Usage);
        yield return new AskStreamEvent(context.AskId, AskPhase.SqlReady, context.Question, generation.Engine, Sql: sql);

        var queryStarted = timeProvider.GetTimestamp();
        var rows = streamSql.Handle(new StreamSqlQuery(context.Source.Id, sql, options.Value.MaxRows, TimeoutSeconds: null), cancellationToken);
        await using var batches = rows.GetAsyncEnumerator(cancellationToken);
        var first = true;
        while (true)
        {
            var next = await Guard(batches.MoveNextAsync().AsTask(), state);
            if (next is not true)
            {
                if (state.Problems.Count > 0)
                {
                    state.Outcome = AskOutcome.Failed;
                    yield return Failed(context, generation, state.Problems);
                    yield break;
                }

                break;
            }

            var batch = batches.Current;
            state.RowCount = batch.RowCount;
            yield return new AskStreamEvent(context.AskId, AskPhase.Rows, context.Question, Columns: batch.Columns, Rows: batch.Rows, RowCount: batch.RowCount, Truncated: batch.Truncated);
            if (first && batch.Columns is { Count: > 0 } columns)
            {
                first = false;
                if (await ChartAsync(columns, batch.Rows, context.Question, cancellationToken) is { } chart)
                {
                    yield return new AskStreamEvent(context.AskId, AskPhase.Chart, context.Question, Chart: chart);
                }
            }

            if (batch.Done)
            {
                state.Truncated = batch.Truncated;
                break;
            }
        }

        state.Outcome = AskOutcome.Answered;
        yield return new AskStreamEvent(
            context.AskId,
            AskPhase.Done,
            context.Question,
            generation.Engine,
            Sql: sql,
            RowCount: state.RowCount,
            Truncated: state.Truncated,
            Problems: [],
            Usage: generation.Usage,
            Timings: new AskTimings(
                context.PrepareMs,
                generation.EngineMs,
                generation.CheckMs,
                timeProvider.GetElapsedTime(queryStarted).TotalMilliseconds,
                timeProvider.GetElapsedTime(context.StartedAt).TotalMilliseconds));
    }

    /// <summary>Awaits a step; a failure of the source becomes the state's problem (and a default result) instead of an error.</summary>
    private static async Task<T?> Guard<T>(Task<T> step, State state)
    {
        try
        {
            return await step;
        }
        catch (Exception exception) when (AskAnswerer.ProblemOf(exception) is { } problem)
        {
            state.Problems = [problem];
            return default;
        }
    }

    private AskStreamEvent Failed(AskContext context, Generation? generation, IReadOnlyList<AskProblem> problems) =>
        new(
            context.AskId,
            AskPhase.Failed,
            context.Question,
            generation?.Engine,
            generation?.Explanation,
            generation?.Confidence,
            generation?.Sql,
            Problems: problems,
            Usage: generation?.Usage,
            Timings: new AskTimings(context.PrepareMs, generation?.EngineMs ?? 0, generation?.CheckMs ?? 0, 0, timeProvider.GetElapsedTime(context.StartedAt).TotalMilliseconds));

    private async Task<ChartRecommendation?> ChartAsync(IReadOnlyList<ResultColumn> columns, RowBatch rows, string question, CancellationToken cancellationToken)
    {
        try
        {
            return await charts.Handle(RecommendChartQuery.ForBatch(columns, rows, question, profile: null), cancellationToken);
        }
        catch (EngineUnavailableException exception)
        {
            LogNoChart(logger, exception.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "A streamed answer goes without a chart: {Reason}")]
    private static partial void LogNoChart(ILogger logger, string reason);

    /// <summary>How the stream ended, for history; the default outcome is the caller leaving.</summary>
    private sealed class State
    {
        public Generation? Generation { get; set; }

        public AskOutcome Outcome { get; set; } = AskOutcome.Cancelled;

        public IReadOnlyList<AskProblem> Problems { get; set; } = [];

        public long RowCount { get; set; }

        public bool Truncated { get; set; }
    }
}
