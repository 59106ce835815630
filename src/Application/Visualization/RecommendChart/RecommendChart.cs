using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using FluentValidation;
using Kurobe.Application.Engines;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Encoding;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Mediator;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Visualization.RecommendChart;

/// <summary>
/// Recommends a chart for a result: its columns and rows (encoded as a JSON array of row arrays, as results carry
/// them), and the question behind it when there is one.
/// </summary>
/// <param name="Profile">The visualization profile in engines.yaml; <c>default</c> when null.</param>
[RequiresRole(Role.Viewer)]
public sealed record RecommendChartQuery(
    IReadOnlyList<ResultColumn> Columns,
    ReadOnlyMemory<byte> RowsJson,
    string? Question,
    string? Profile = null) : IQuery<ChartRecommendation>
{
    /// <summary>Encodes at most this much of a streamed batch for a chart; a stream's first batch is small anyway.</summary>
    private const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>A chart for a streamed result, from its columns and one batch of rows.</summary>
    public static RecommendChartQuery ForBatch(IReadOnlyList<ResultColumn> columns, RowBatch rows, string? question, string? profile)
    {
        using var encoder = new RowsJsonEncoder(MaxBatchBytes);
        encoder.Append(rows);
        return new RecommendChartQuery(columns, encoder.Finish().Json, question, profile);
    }

    public override string ToString() => $"{nameof(RecommendChartQuery)} {{ Columns = {Columns.Count}, Profile = {Profile ?? "default"} }}";
}

public sealed class RecommendChartQueryValidator : AbstractValidator<RecommendChartQuery>
{
    public RecommendChartQueryValidator()
    {
        RuleFor(q => q.Columns).NotEmpty().WithMessage("A chart needs at least one column.");
        RuleFor(q => q.Question).MaximumLength(2_000);
    }
}

public sealed class RecommendChartQueryHandler(EngineCaller engines, IOptions<EngineOptions> options)
    : IQueryHandler<RecommendChartQuery, ChartRecommendation>
{
    public async ValueTask<ChartRecommendation> Handle(RecommendChartQuery query, CancellationToken cancellationToken)
    {
        var request = ResultProfiler.Profile(query.Columns, query.RowsJson, query.Question);
        var answer = await engines.CallAsync<IVisualizationEngine, ChartRecommendation>(
            EngineKind.Visualization,
            query.Profile,
            TimeSpan.FromSeconds(options.Value.VisualizationTimeoutSeconds),
            (engine, token) => engine.RecommendAsync(request, token),
            ProblemWith,
            cancellationToken);
        return answer.Result;
    }

    private static string? ProblemWith(ChartRecommendation chart) =>
        chart.VegaLite is null ? "no Vega-Lite specification"
        : chart.Encodings is null ? "no encodings"
        : !Enum.IsDefined(chart.Kind) ? $"unknown chart kind {(int)chart.Kind}"
        : null;
}
