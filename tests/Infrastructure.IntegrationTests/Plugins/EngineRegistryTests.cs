using Kurobe.Application.Engines;
using Kurobe.Application.Engines.Ports;
using Kurobe.Infrastructure.Plugins;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Infrastructure.IntegrationTests.Plugins;

public sealed class EngineRegistryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loads_a_plugin_and_leases_its_engine()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = sandbox.CreateRegistry();

        await registry.ReloadAsync(Token);

        (await sandbox.AskAsync()).ShouldBe("v1");
        var status = sandbox.Status();
        status.ShouldSatisfyAllConditions(
            s => s.State.ShouldBe(EngineState.Ready),
            s => s.Provider.ShouldBe("fixture"),
            s => s.Plugin.ShouldBe("fixture-visualization"),
            s => s.Version.ShouldBe(new Version(1, 0)),
            s => s.LastError.ShouldBeNull(),
            s => s.LoadedAt.ShouldNotBeNull());
        using var lease = registry.Lease<IVisualizationEngine>(EngineKind.Visualization);
        lease.Status.Version.ShouldBe(new Version(1, 0));
    }

    [Fact]
    public async Task A_provider_no_plugin_serves_is_not_configured()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines("""
            visualization:
              default: { provider: "missing", config: {} }
            """);
        var registry = sandbox.CreateRegistry();

        await registry.ReloadAsync(Token);

        sandbox.Status().State.ShouldBe(EngineState.NotConfigured);
        Should.Throw<EngineUnavailableException>(() => registry.Lease<IVisualizationEngine>(EngineKind.Visualization))
            .Message.ShouldBe("The visualization provider 'missing' is not installed.");
        Should.Throw<EngineUnavailableException>(() => registry.Lease<IVisualizationEngine>(EngineKind.Visualization, "other"))
            .Message.ShouldBe("No visualization engine is configured for profile 'other'.");
    }

    [Fact]
    public async Task Without_an_engines_file_no_profile_is_configured()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        var registry = sandbox.CreateRegistry();

        await registry.ReloadAsync(Token);

        registry.Statuses.ShouldBeEmpty();
        registry.ConfigurationError.ShouldBeNull();
        Should.Throw<EngineUnavailableException>(() => registry.Lease<IVisualizationEngine>(EngineKind.Visualization))
            .Message.ShouldBe("No visualization engine is configured for profile 'default'.");
    }

    [Fact]
    public async Task Profiles_and_their_config_reach_the_engine_context()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines("""
            visualization:
              default: { provider: "fixture" }
              wide:
                provider: fixture
                config:
                  palette: "blue"
                  limit: 5
                  ratio: 0.5
                  nested: { enabled: true, tags: [a, "1"] }
            """);
        var registry = sandbox.CreateRegistry();

        await registry.ReloadAsync(Token);

        using var lease = registry.Lease<IVisualizationEngine>(EngineKind.Visualization, "wide");
        var chart = await lease.Engine.RecommendAsync(PluginSandbox.Request, Token);
        chart.Reason.ShouldBe("""profile=wide; config={"palette":"blue","limit":5,"ratio":0.5,"nested":{"enabled":true,"tags":["a","1"]}}""");
        (await sandbox.AskAsync()).ShouldBe("v1");
        registry.Statuses.Select(s => s.Profile).ShouldBe(["default", "wide"]);
    }

    [Fact]
    public async Task An_invalid_engines_file_at_start_leaves_the_registry_usable_with_no_profiles()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines("visualization: [ {");
        var registry = await sandbox.StartAsync();

        registry.Statuses.ShouldBeEmpty();
        registry.ConfigurationError.ShouldNotBeNull().ShouldContain("not valid YAML");
        Should.Throw<EngineUnavailableException>(() => registry.Lease<IVisualizationEngine>(EngineKind.Visualization));

        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        await registry.ReloadAsync(Token);
        (await sandbox.AskAsync()).ShouldBe("v1");
    }

    [Fact]
    public async Task An_invalid_edit_keeps_the_last_good_configuration()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = sandbox.CreateRegistry();
        await registry.ReloadAsync(Token);

        sandbox.WriteEngines("""
            visualization:
              default: { provider: "fixture", colour: red }
            """);
        await registry.ReloadAsync(Token);

        registry.ConfigurationError.ShouldNotBeNull().ShouldContain("unknown key 'colour' in 'visualization.default'");
        sandbox.Status().State.ShouldBe(EngineState.Ready);
        (await sandbox.AskAsync()).ShouldBe("v1");
    }

    [Theory]
    [InlineData("charts:\n  default: { provider: fixture }", "unknown engine kind 'charts'")]
    [InlineData("visualization:\n  Default: { provider: fixture }", "profile name 'Default'")]
    [InlineData("visualization:\n  default: { provider: Fixture-1 }", "'visualization.default.provider' must be a provider name")]
    [InlineData("visualization:\n  default: { config: {} }", "'visualization.default' has no 'provider'")]
    [InlineData("visualization:\n  default: { provider: fixture, config: [1] }", "'visualization.default.config' must be a mapping")]
    public void Engines_files_are_validated_with_plain_messages(string yaml, string message) =>
        Should.Throw<EnginesConfigurationException>(() => EnginesConfiguration.Parse(yaml)).Message.ShouldContain(message);

    [Fact]
    public async Task A_plugin_that_cannot_create_its_engine_leaves_the_previous_generation_serving()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = sandbox.CreateRegistry();
        await registry.ReloadAsync(Token);

        sandbox.Install(PluginSandbox.Crashing);
        await registry.ReloadAsync(Token);

        (await sandbox.AskAsync()).ShouldBe("v1");
        sandbox.Status().ShouldSatisfyAllConditions(
            s => s.State.ShouldBe(EngineState.Ready),
            s => s.Version.ShouldBe(new Version(1, 0)),
            s => s.LastError.ShouldNotBeNull().ShouldContain("fails on purpose"));

        sandbox.Install(PluginSandbox.VisualizationV2);
        await registry.ReloadAsync(Token);
        (await sandbox.AskAsync()).ShouldBe("v2");
        sandbox.Status().LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_plugin_that_cannot_create_its_engine_with_nothing_before_it_is_failed()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.Crashing);
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = sandbox.CreateRegistry();

        await registry.ReloadAsync(Token);

        sandbox.Status().ShouldSatisfyAllConditions(
            s => s.State.ShouldBe(EngineState.Failed),
            s => s.LastError.ShouldNotBeNull().ShouldContain("fails on purpose"));
        Should.Throw<EngineUnavailableException>(() => registry.Lease<IVisualizationEngine>(EngineKind.Visualization))
            .Message.ShouldContain("failed to start");
    }

    [Fact]
    public async Task A_hanging_engine_ends_with_the_callers_token_and_the_registry_keeps_serving()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.Install(PluginSandbox.Hanging, "fixture-hanging");
        sandbox.WriteEngines("""
            visualization:
              default: { provider: fixture }
              slow: { provider: hanging }
            """);
        var registry = sandbox.CreateRegistry();
        await registry.ReloadAsync(Token);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        var hanging = Task.Run(async () =>
        {
            using var lease = registry.Lease<IVisualizationEngine>(EngineKind.Visualization, "slow");
            await lease.Engine.RecommendAsync(PluginSandbox.Request, timeout.Token);
        }, Token);

        (await sandbox.AskAsync()).ShouldBe("v1");
        await Should.ThrowAsync<OperationCanceledException>(hanging);
        (await sandbox.AskAsync()).ShouldBe("v1");
        registry.Statuses.ShouldAllBe(s => s.State == EngineState.Ready);
    }
}
