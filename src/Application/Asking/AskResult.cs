using Kurobe.Application.Querying.Encoding;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.TextToSql;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Application.Asking;

/// <summary>An answer to a question: the SQL written for it, its rows and chart, or the problems that stopped it.</summary>
/// <param name="Id">The ask's id in history, for feedback.</param>
/// <param name="DataSourceId">The source asked; null when none could be resolved.</param>
/// <param name="Sql">The SQL that ran; null when the question was not answered.</param>
/// <param name="Columns">The result's columns; null without rows.</param>
/// <param name="Rows">The rows, encoded like <c>runQuery</c>'s; null when the question was not answered.</param>
/// <param name="Truncated">True when the result had more rows than the cap allowed.</param>
/// <param name="Chart">A recommended chart; null when no visualization engine answered.</param>
/// <param name="Problems">Why there is no (complete) answer; empty when there is one.</param>
/// <param name="Engine">The text-to-SQL engine that answered, when one was reached.</param>
/// <param name="Corrections">How many times the engine was asked to correct its SQL.</param>
public sealed record AskResult(
    Guid Id,
    string Question,
    DataSourceId? DataSourceId,
    string? Sql,
    IReadOnlyList<ResultColumn>? Columns,
    EncodedRows? Rows,
    long RowCount,
    bool Truncated,
    ChartRecommendation? Chart,
    IReadOnlyList<AskProblem> Problems,
    AskEngine? Engine,
    string? Explanation,
    double? Confidence,
    AskUsage? Usage,
    int Corrections,
    AskTimings Timings);

/// <summary>The engine profile and provider that answered.</summary>
public sealed record AskEngine(string Provider, string Profile);

/// <summary>Tokens and cost over every call an ask made to its engine.</summary>
/// <param name="CostUsd">The cost, when the engine knows its prices.</param>
public sealed record AskUsage(long InputTokens, long OutputTokens, decimal? CostUsd)
{
    public static AskUsage? Add(AskUsage? total, ModelUsage? usage)
    {
        if (usage is null)
        {
            return total;
        }

        return total is null
            ? new AskUsage(usage.InputTokens, usage.OutputTokens, usage.CostUsd)
            : new AskUsage(total.InputTokens + usage.InputTokens, total.OutputTokens + usage.OutputTokens, total.CostUsd + usage.CostUsd ?? total.CostUsd ?? usage.CostUsd);
    }
}

/// <summary>Where an ask spent its time, in milliseconds.</summary>
/// <param name="PrepareMs">Resolving the source, model, schema, known values and examples.</param>
/// <param name="EngineMs">Calls to the engine, corrections included.</param>
/// <param name="CheckMs">Gate and source checks of the generated SQL.</param>
/// <param name="QueryMs">Running the SQL.</param>
/// <param name="TotalMs">The whole ask.</param>
public sealed record AskTimings(double PrepareMs, double EngineMs, double CheckMs, double QueryMs, double TotalMs);
