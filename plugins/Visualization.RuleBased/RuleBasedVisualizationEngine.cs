using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Kurobe.Visualization.RuleBased.Internal;

namespace Kurobe.Visualization.RuleBased;

/// <summary>Chooses a chart from the result's shape and meaning; the rules are listed in this plugin's README.</summary>
internal sealed class RuleBasedVisualizationEngine : IVisualizationEngine
{
    public EngineKind Kind => EngineKind.Visualization;

    public Task<ChartRecommendation> RecommendAsync(VisualizationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var plan = ChartRules.Choose(request);
        return Task.FromResult(VegaLiteSpec.ToRecommendation(plan));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
