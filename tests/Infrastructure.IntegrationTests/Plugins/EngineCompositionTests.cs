using System.Text.Json.Nodes;
using Kurobe.Application.Engines;
using Kurobe.Application.Engines.Ports;
using Kurobe.Infrastructure.Plugins;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Plugins;

/// <summary>How plugins, built-in engines, fallbacks and profile edits combine in the registry.</summary>
public sealed class EngineCompositionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_two_plugins_provide_the_same_name_the_first_folder_in_ordinal_order_serves_it()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV2, "b-visualization");
        sandbox.Install(PluginSandbox.VisualizationV1, "a-visualization");
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = sandbox.CreateRegistry();

        await registry.ReloadAsync(Token);

        (await sandbox.AskAsync()).ShouldBe("v1");
        sandbox.Status().ShouldSatisfyAllConditions(
            s => s.State.ShouldBe(EngineState.Ready),
            s => s.Version.ShouldBe(new Version(1, 0)));
        registry.Snapshot.Generations.Keys.Order(StringComparer.Ordinal).ShouldBe(["a-visualization", "b-visualization"]);
    }

    [Fact]
    public async Task An_engine_of_the_wrong_kind_is_refused_and_shown_as_failed()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.Crashing);
        sandbox.WriteEngines("""
            visualization:
              default: { provider: "wrong_kind" }
            """);
        var registry = sandbox.CreateRegistry();

        await registry.ReloadAsync(Token);

        var status = sandbox.Status();
        status.State.ShouldBe(EngineState.Failed);
        status.LastError.ShouldNotBeNull().ShouldContain("returned a Semantic engine (WrongKindEngine) for the visualization provider 'wrong_kind'");
        Should.Throw<EngineUnavailableException>(() => registry.Lease<IVisualizationEngine>(EngineKind.Visualization));
    }

    [Fact]
    public async Task A_built_in_provider_serves_a_profile_without_a_plugin_and_a_plugin_of_the_same_name_wins()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.WriteEngines("""
            visualization:
              default: { provider: "fixture" }
              house: { provider: "house_charts", config: { title: "from the host" } }
            """);
        var registry = sandbox.CreateRegistry(builtIns: [new HouseCharts("fixture"), new HouseCharts("house_charts")]);
        await registry.ReloadAsync(Token);

        (await sandbox.AskAsync("house")).ShouldBe("from the host");
        (await sandbox.AskAsync()).ShouldBe("built-in fixture");
        sandbox.Status("house").ShouldSatisfyAllConditions(
            s => s.State.ShouldBe(EngineState.Ready),
            s => s.BuiltIn.ShouldBeTrue(),
            s => s.Plugin.ShouldBe(EngineRegistry.BuiltInPluginName));

        sandbox.Install(PluginSandbox.VisualizationV1);
        await registry.ReloadAsync(Token);

        (await sandbox.AskAsync()).ShouldBe("v1");
        sandbox.Status().BuiltIn.ShouldBeFalse();
    }

    [Fact]
    public async Task A_built_in_engine_that_cannot_start_is_failed_with_its_reason()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.WriteEngines("""
            visualization:
              default: { provider: "house_charts", config: { fail: true } }
            """);
        var registry = sandbox.CreateRegistry(builtIns: [new HouseCharts("house_charts")]);

        await registry.ReloadAsync(Token);

        sandbox.Status().ShouldSatisfyAllConditions(
            s => s.State.ShouldBe(EngineState.Failed),
            s => s.LastError.ShouldBe("config.fail is set"));
    }

    [Fact]
    public async Task A_failing_plugin_call_is_answered_by_the_configured_fallback_and_shows_in_the_status_until_the_profile_changes()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.Hanging, "hanging");
        sandbox.WriteEngines("""
            visualization:
              default: { provider: "hanging", fallback: "house" }
              house: { provider: "house_charts", config: { title: "fallback chart" } }
            """);
        var registry = sandbox.CreateRegistry(builtIns: [new HouseCharts("house_charts")]);
        await registry.ReloadAsync(Token);
        var caller = new EngineCaller(registry, NullLogger<EngineCaller>.Instance);

        var answer = await caller.CallAsync<IVisualizationEngine, ChartRecommendation>(
            EngineKind.Visualization, null, TimeSpan.FromMilliseconds(200), (e, t) => e.RecommendAsync(PluginSandbox.Request, t), _ => null, Token);

        answer.Result.Title.ShouldBe("fallback chart");
        answer.AnsweredBy.Profile.ShouldBe("house");
        sandbox.Status().ShouldSatisfyAllConditions(
            s => s.Fallback.ShouldBe("house"),
            s => s.State.ShouldBe(EngineState.Ready),
            s => s.LastError.ShouldNotBeNull().ShouldContain("did not answer within 0.2 s"));

        sandbox.WriteEngines("""
            visualization:
              default: { provider: "hanging", config: { changed: true }, fallback: "house" }
              house: { provider: "house_charts", config: { title: "fallback chart" } }
            """);
        await registry.ReloadAsync(Token);

        sandbox.Status().LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Editing_one_profile_reloads_only_the_plugins_serving_the_changed_providers()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.Install(PluginSandbox.Hanging, "hanging");
        sandbox.WriteEngines("""
            visualization:
              default: { provider: "fixture", config: { a: 1 } }
              slow: { provider: "hanging" }
            """);
        var registry = sandbox.CreateRegistry();
        await registry.ReloadAsync(Token);
        var fixtureBefore = registry.Snapshot.Generations[PluginSandbox.VisualizationFolder];
        var hangingBefore = registry.Snapshot.Generations["hanging"];

        sandbox.WriteEngines("""
            visualization:
              default: { provider: "fixture", config: { a: 2 } }
              slow: { provider: "hanging" }
            """);
        await registry.ReloadAsync(Token);

        registry.Snapshot.Generations["hanging"].ShouldBeSameAs(hangingBefore);
        registry.Snapshot.Generations[PluginSandbox.VisualizationFolder].ShouldNotBeSameAs(fixtureBefore);
        (await sandbox.AskAsync()).ShouldBe("v1");
    }

    [Fact]
    public void A_fallback_must_name_another_profile_of_the_same_kind()
    {
        Should.Throw<EnginesConfigurationException>(() => EnginesConfiguration.Parse("""
            visualization:
              default: { provider: "a", fallback: "default" }
            """)).Message.ShouldContain("names the profile itself");
        Should.Throw<EnginesConfigurationException>(() => EnginesConfiguration.Parse("""
            visualization:
              default: { provider: "a", fallback: "basic" }
            semantic:
              basic: { provider: "b" }
            """)).Message.ShouldContain("'visualization.default.fallback' names 'basic', which is not a visualization profile");
    }

    /// <summary>A built-in visualization provider whose charts are titled from its config.</summary>
    private sealed class HouseCharts(string name) : IBuiltInEngineProvider
    {
        public EngineProvider Provider { get; } = new(EngineKind.Visualization, name);

        public IEngine Create(EngineContext context)
        {
            if (context.Config.TryGetProperty("fail", out _))
            {
                throw new InvalidOperationException("config.fail is set");
            }

            var title = context.Config.TryGetProperty("title", out var value) ? value.GetString()! : $"built-in {name}";
            return new Engine(title);
        }

        private sealed class Engine(string title) : IVisualizationEngine
        {
            public EngineKind Kind => EngineKind.Visualization;

            public Task<ChartRecommendation> RecommendAsync(VisualizationRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(new ChartRecommendation(ChartKind.Table, new ChartEncodings(null, null, null, null), title, "r", new JsonObject()));

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
