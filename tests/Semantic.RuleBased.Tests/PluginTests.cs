using System.Reflection;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Semantic.RuleBased.Tests.Support;

namespace Kurobe.Semantic.RuleBased.Tests;

public sealed class PluginTests
{
    private static readonly Assembly PluginAssembly = typeof(RuleBasedSemanticPlugin).Assembly;

    [Fact]
    public void The_assembly_names_the_plugin_as_its_entry_point()
    {
        var attribute = PluginAssembly.GetCustomAttribute<KurobePluginAttribute>().ShouldNotBeNull();

        attribute.PluginType.ShouldBe(typeof(RuleBasedSemanticPlugin));
        typeof(IKurobePlugin).IsAssignableFrom(attribute.PluginType).ShouldBeTrue();
        attribute.PluginType.GetConstructor(Type.EmptyTypes).ShouldNotBeNull();
        PluginAssembly.GetName().Name.ShouldBe("Kurobe.Semantic.RuleBased");
    }

    [Fact]
    public void The_plugin_references_no_kurobe_assembly_but_the_contracts()
    {
        PluginAssembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Kurobe.", StringComparison.Ordinal))
            .ShouldBe(["Kurobe.Plugins.Abstractions"]);
    }

    [Fact]
    public void The_manifest_names_the_plugin_its_version_and_the_rule_based_semantic_provider()
    {
        var manifest = new RuleBasedSemanticPlugin().Manifest;

        manifest.Name.ShouldBe("rule-based-semantic");
        manifest.Version.ShouldBe(PluginAssembly.GetName().Version);
        manifest.Version.ShouldBeGreaterThan(new Version(0, 0));
        manifest.Providers.ShouldBe([new EngineProvider(EngineKind.Semantic, "rule_based")]);
    }

    [Fact]
    public async Task Create_engine_returns_a_semantic_engine()
    {
        var plugin = new RuleBasedSemanticPlugin();

        await using var engine = plugin.CreateEngine(new EngineProvider(EngineKind.Semantic, "rule_based"), Engine.Context());

        engine.Kind.ShouldBe(EngineKind.Semantic);
        engine.ShouldBeAssignableTo<ISemanticEngine>();
    }

    [Fact]
    public void Create_engine_refuses_providers_it_does_not_serve()
    {
        var plugin = new RuleBasedSemanticPlugin();

        Should.Throw<ArgumentException>(() => plugin.CreateEngine(new EngineProvider(EngineKind.Visualization, "rule_based"), Engine.Context()));
        Should.Throw<ArgumentException>(() => plugin.CreateEngine(new EngineProvider(EngineKind.Semantic, "other"), Engine.Context()));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "fuzzy": false }""")]
    [InlineData("""{ "max_limit": 50 }""")]
    [InlineData("""{ "fuzzy": true, "max_limit": 1 }""")]
    public async Task Valid_configs_create_an_engine(string config)
    {
        await using var engine = Engine.Create(config);

        engine.Kind.ShouldBe(EngineKind.Semantic);
    }

    [Theory]
    [InlineData("[]", "must be an object")]
    [InlineData("""{ "fuzzy": "no" }""", "'fuzzy' must be true or false")]
    [InlineData("""{ "max_limit": 0 }""", "'max_limit' must be a whole number of at least 1")]
    [InlineData("""{ "max_limit": "ten" }""", "'max_limit' must be a whole number of at least 1")]
    [InlineData("""{ "maxLimit": 10 }""", "Unknown setting 'maxLimit'")]
    public void Invalid_configs_are_refused_with_a_plain_message(string config, string message)
    {
        var plugin = new RuleBasedSemanticPlugin();

        var error = Should.Throw<ArgumentException>(() => plugin.CreateEngine(plugin.Manifest.Providers[0], Engine.Context(config)));
        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task A_cancelled_request_is_not_answered()
    {
        await using var engine = Engine.Create();
        var request = new SemanticRequest("revenue", Retail.Model, Retail.KnownValues, Retail.Today);

        await Should.ThrowAsync<OperationCanceledException>(() => engine.InterpretAsync(request, new CancellationToken(canceled: true)));
        await Should.ThrowAsync<OperationCanceledException>(() => engine.AssistAsync(Retail.Model, new CancellationToken(canceled: true)));
    }
}
