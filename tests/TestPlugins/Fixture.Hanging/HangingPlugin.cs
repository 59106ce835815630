using Kurobe.Fixture.Hanging;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;

[assembly: KurobePlugin(typeof(HangingPlugin))]

namespace Kurobe.Fixture.Hanging;

public sealed class HangingPlugin : IKurobePlugin
{
    public PluginManifest Manifest { get; } = new("fixture-hanging", new Version(1, 0), [new EngineProvider(EngineKind.Visualization, "hanging")]);

    public IEngine CreateEngine(EngineProvider provider, EngineContext context) => new HangingEngine();
}

/// <summary>Never answers; ends only when the caller's token is cancelled.</summary>
public sealed class HangingEngine : IVisualizationEngine
{
    public EngineKind Kind => EngineKind.Visualization;

    public async Task<ChartRecommendation> RecommendAsync(VisualizationRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("Unreachable.");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
