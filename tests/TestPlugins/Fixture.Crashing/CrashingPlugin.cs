using Kurobe.Fixture.Crashing;
using Kurobe.Plugins.Abstractions.Hosting;

[assembly: KurobePlugin(typeof(CrashingPlugin))]

namespace Kurobe.Fixture.Crashing;

/// <summary>
/// Claims the same plugin and provider as the visualization fixtures, but cannot create its engine; its provider
/// <c>wrong_kind</c> answers a visualization profile with an engine of another kind.
/// </summary>
public sealed class CrashingPlugin : IKurobePlugin
{
    public PluginManifest Manifest { get; } = new(
        "fixture-visualization",
        new Version(3, 0),
        [new EngineProvider(EngineKind.Visualization, "fixture"), new EngineProvider(EngineKind.Visualization, "wrong_kind")]);

    public IEngine CreateEngine(EngineProvider provider, EngineContext context) => provider.Name == "wrong_kind"
        ? new WrongKindEngine()
        : throw new InvalidOperationException("The crashing fixture fails on purpose.");
}

/// <summary>Says it is a semantic engine, and implements no engine interface at all.</summary>
public sealed class WrongKindEngine : IEngine
{
    public EngineKind Kind => EngineKind.Semantic;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
