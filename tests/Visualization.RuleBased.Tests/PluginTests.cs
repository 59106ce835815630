using System.Reflection;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Kurobe.Visualization.RuleBased.Tests.Support;

namespace Kurobe.Visualization.RuleBased.Tests;

public sealed class PluginTests
{
    private static readonly Assembly PluginAssembly = typeof(RuleBasedVisualizationPlugin).Assembly;

    [Fact]
    public void The_assembly_names_the_plugin_as_its_entry_point()
    {
        var attribute = PluginAssembly.GetCustomAttribute<KurobePluginAttribute>().ShouldNotBeNull();

        attribute.PluginType.ShouldBe(typeof(RuleBasedVisualizationPlugin));
        typeof(IKurobePlugin).IsAssignableFrom(attribute.PluginType).ShouldBeTrue();
        attribute.PluginType.GetConstructor(Type.EmptyTypes).ShouldNotBeNull();
        PluginAssembly.GetName().Name.ShouldBe("Kurobe.Visualization.RuleBased");
    }

    [Fact]
    public void The_manifest_names_the_plugin_its_version_and_the_rule_based_visualization_provider()
    {
        var manifest = new RuleBasedVisualizationPlugin().Manifest;

        manifest.Name.ShouldBe("rule-based-visualization");
        manifest.Version.ShouldBe(PluginAssembly.GetName().Version);
        manifest.Version.ShouldBeGreaterThan(new Version(0, 0));
        manifest.Providers.ShouldBe([new EngineProvider(EngineKind.Visualization, "rule_based")]);
    }

    [Fact]
    public async Task Create_engine_returns_a_visualization_engine()
    {
        var plugin = new RuleBasedVisualizationPlugin();

        await using var engine = plugin.CreateEngine(new EngineProvider(EngineKind.Visualization, "rule_based"), Engine.Context);

        engine.Kind.ShouldBe(EngineKind.Visualization);
        engine.ShouldBeAssignableTo<IVisualizationEngine>();
    }

    [Fact]
    public void Create_engine_refuses_providers_it_does_not_serve()
    {
        var plugin = new RuleBasedVisualizationPlugin();

        Should.Throw<ArgumentException>(() => plugin.CreateEngine(new EngineProvider(EngineKind.TextToSql, "rule_based"), Engine.Context));
        Should.Throw<ArgumentException>(() => plugin.CreateEngine(new EngineProvider(EngineKind.Visualization, "other"), Engine.Context));
    }

    [Fact]
    public async Task A_cancelled_request_is_not_answered()
    {
        await using var engine = Engine.Create();

        await Should.ThrowAsync<OperationCanceledException>(() => engine.RecommendAsync(Support.Scenarios.Bar(), new CancellationToken(canceled: true)));
    }
}
