using FluentValidation;
using Kurobe.Application.Engines;
using Kurobe.Application.Engines.Ports;
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

public sealed class RecommendChartQueryHandler(IEngineRegistry engines, IOptions<EngineOptions> options)
    : IQueryHandler<RecommendChartQuery, ChartRecommendation>
{
    public async ValueTask<ChartRecommendation> Handle(RecommendChartQuery query, CancellationToken cancellationToken)
    {
        var request = ResultProfiler.Profile(query.Columns, query.RowsJson, query.Question);
        using var lease = engines.Lease<IVisualizationEngine>(EngineKind.Visualization, query.Profile);
        var limit = TimeSpan.FromSeconds(options.Value.VisualizationTimeoutSeconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        ChartRecommendation? chart;
        try
        {
            chart = await lease.Engine.RecommendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineUnavailableException($"The visualization engine '{lease.Status.Provider}' did not answer within {limit.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A plugin's failure is contained: the caller gets a plain error, the log keeps the detail.
            throw new EngineUnavailableException($"The visualization engine '{lease.Status.Provider}' failed.", exception);
        }

        return chart is { VegaLite: not null, Encodings: not null } && Enum.IsDefined(chart.Kind)
            ? chart
            : throw new EngineUnavailableException($"The visualization engine '{lease.Status.Provider}' returned an invalid chart.");
    }
}
