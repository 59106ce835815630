using System.Text.Json;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Visualization.RuleBased.Tests.Support;

/// <summary>The engine as the host gets it, and every recommendation checked against its request.</summary>
internal static class Engine
{
    public static EngineContext Context { get; } =
        new("default", JsonDocument.Parse("{}").RootElement.Clone(), NullLoggerFactory.Instance, TimeProvider.System);

    public static IVisualizationEngine Create()
    {
        var plugin = new RuleBasedVisualizationPlugin();
        return plugin.CreateEngine(plugin.Manifest.Providers[0], Context).ShouldBeAssignableTo<IVisualizationEngine>()!;
    }

    public static async Task<ChartRecommendation> RecommendAsync(VisualizationRequest request)
    {
        await using var engine = Create();
        var recommendation = await engine.RecommendAsync(request, TestContext.Current.CancellationToken);
        VegaLite.ShouldBeValid(recommendation, request);
        return recommendation;
    }
}
