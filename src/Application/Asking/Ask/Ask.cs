using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using FluentValidation;
using Kurobe.Application.Asking.Answering;
using Kurobe.Application.Engines;
using Kurobe.Application.Querying.RunSql;
using Kurobe.Application.Visualization.RecommendChart;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions.Visualization;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Asking.Ask;

/// <summary>
/// Answers a question in plain language: an engine writes SQL, the SQL is checked (and corrected, a bounded number of
/// times), run like <c>runQuery</c> and charted. A question the engine cannot answer is an answer with problems.
/// </summary>
/// <param name="DataSourceId">The source to ask; the default source when null.</param>
/// <param name="Engine">The text-to-SQL profile in engines.yaml; <c>default</c> when null.</param>
[RequiresRole(Role.Analyst)]
public sealed record AskCommand(string Question, DataSourceId? DataSourceId, string? Engine) : ICommand<AskResult>;

public sealed class AskCommandValidator : AbstractValidator<AskCommand>
{
    public AskCommandValidator() => AskValidation.AddQuestionRules(this, c => c.Question, c => c.Engine);
}

public sealed partial class AskCommandHandler(
    AskAnswerer answerer,
    RunSqlQueryHandler runSql,
    RecommendChartQueryHandler charts,
    IOptions<AskOptions> options,
    TimeProvider timeProvider,
    ILogger<AskCommandHandler> logger)
    : ICommandHandler<AskCommand, AskResult>
{
    public async ValueTask<AskResult> Handle(AskCommand command, CancellationToken cancellationToken)
    {
        var context = await answerer.PrepareAsync(command.Question.Trim(), command.DataSourceId, command.Engine, cancellationToken);
        Generation? generation = null;
        var outcome = AskOutcome.Cancelled;
        IReadOnlyList<AskProblem> problems = [];
        long rowCount = 0;
        var queryStarted = 0L;
        try
        {
            generation = await answerer.GenerateAsync(context, cancellationToken);
            if (generation.Sql is not { } sql)
            {
                problems = generation.Problems;
                outcome = OutcomeOf(problems);
                return Result(context, generation, null, null, problems, 0);
            }

            queryStarted = timeProvider.GetTimestamp();
            var rows = await runSql.Handle(new RunSqlQuery(context.Source.Id, sql, options.Value.MaxRows, TimeoutSeconds: null), cancellationToken);
            var queryMs = timeProvider.GetElapsedTime(queryStarted).TotalMilliseconds;
            rowCount = rows.RowCount;
            var chart = await ChartAsync(rows, context.Question, cancellationToken);
            outcome = AskOutcome.Answered;
            return Result(context, generation, rows, chart, problems, queryMs);
        }
        catch (Exception exception) when (AskAnswerer.ProblemOf(exception) is { } problem)
        {
            // The source failed the check or the query: an answer with a problem, like a refusal.
            problems = [problem];
            outcome = AskOutcome.Failed;
            generation ??= new Generation(null, null, problems, null, null, null, null, 0, 0, 0);
            return Result(context, generation, null, null, problems, queryStarted == 0 ? 0 : timeProvider.GetElapsedTime(queryStarted).TotalMilliseconds);
        }
        finally
        {
            await answerer.RecordAsync(context, generation?.Sql ?? generation?.LastSql, outcome, problems, generation?.Engine, rowCount);
        }
    }

    internal static AskOutcome OutcomeOf(IReadOnlyList<AskProblem> problems) =>
        problems.Any(p => p.Code is AskProblemCodes.CannotAnswer or AskProblemCodes.SqlNotAllowed) ? AskOutcome.Refused : AskOutcome.Failed;

    private async Task<ChartRecommendation?> ChartAsync(Querying.QueryResult rows, string question, CancellationToken cancellationToken)
    {
        if (rows.Columns.Count == 0)
        {
            return null;
        }

        try
        {
            return await charts.Handle(new RecommendChartQuery(rows.Columns, rows.Rows.Json, question), cancellationToken);
        }
        catch (EngineUnavailableException exception)
        {
            // An answer without a chart is still an answer.
            LogNoChart(logger, exception.Message);
            return null;
        }
    }

    private AskResult Result(AskContext context, Generation generation, Querying.QueryResult? rows, ChartRecommendation? chart, IReadOnlyList<AskProblem> problems, double queryMs) =>
        new(
            context.AskId,
            context.Question,
            context.Source.Id,
            generation.Sql,
            rows?.Columns,
            rows?.Rows,
            rows?.RowCount ?? 0,
            rows?.Truncated ?? false,
            chart,
            problems,
            generation.Engine,
            generation.Explanation,
            generation.Confidence,
            generation.Usage,
            generation.Corrections,
            new AskTimings(context.PrepareMs, generation.EngineMs, generation.CheckMs, queryMs, timeProvider.GetElapsedTime(context.StartedAt).TotalMilliseconds));

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "An answer goes without a chart: {Reason}")]
    private static partial void LogNoChart(ILogger logger, string reason);
}
