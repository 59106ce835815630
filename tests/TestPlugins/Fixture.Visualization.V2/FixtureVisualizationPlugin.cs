using System.Text.Json.Nodes;
using Kurobe.Fixture.Visualization.V2;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;

[assembly: KurobePlugin(typeof(FixtureVisualizationPlugin))]

namespace Kurobe.Fixture.Visualization.V2;

public sealed class FixtureVisualizationPlugin : IKurobePlugin
{
    public PluginManifest Manifest { get; } = new("fixture-visualization", new Version(2, 0), [new EngineProvider(EngineKind.Visualization, "fixture")]);

    public IEngine CreateEngine(EngineProvider provider, EngineContext context) => new FixtureVisualizationEngine(context);
}

public sealed class FixtureVisualizationEngine(EngineContext context) : IVisualizationEngine
{
    public EngineKind Kind => EngineKind.Visualization;

    public async Task<ChartRecommendation> RecommendAsync(VisualizationRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return new ChartRecommendation(
            ChartKind.Table,
            new ChartEncodings(null, null, null, null),
            "v2",
            $"profile={context.Profile}; config={context.Config.GetRawText()}",
            new JsonObject { ["$schema"] = "https://vega.github.io/schema/vega-lite/v5.json", ["mark"] = "text" });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
