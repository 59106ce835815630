using Kurobe.Fixture.Crashing;
using Kurobe.Plugins.Abstractions.Hosting;

[assembly: KurobePlugin(typeof(CrashingPlugin))]

namespace Kurobe.Fixture.Crashing;

/// <summary>Claims the same plugin and provider as the visualization fixtures, but cannot create its engine.</summary>
public sealed class CrashingPlugin : IKurobePlugin
{
    public PluginManifest Manifest { get; } = new("fixture-visualization", new Version(3, 0), [new EngineProvider(EngineKind.Visualization, "fixture")]);

    public IEngine CreateEngine(EngineProvider provider, EngineContext context) =>
        throw new InvalidOperationException("The crashing fixture fails on purpose.");
}
