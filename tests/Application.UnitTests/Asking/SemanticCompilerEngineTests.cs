using System.Text.Json;
using Kurobe.Application.Asking.SemanticCompiler;
using Kurobe.Application.Engines.Ports;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Plugins.Abstractions.TextToSql;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Kurobe.Application.UnitTests.Asking;

public sealed class SemanticCompilerEngineTests
{
    private static readonly SemanticModel Model = new(
        "retail",
        null,
        [new SemanticEntity("orders", "orders", "o", ["order_id"], null)],
        [],
        [new SemanticMeasure("revenue", "SUM(o.total)", false, null, "currency", [], null), new SemanticMeasure("orders", "COUNT(*)", false, null, null, [], null)],
        [new SemanticDimension("country", "orders", "o.country", DimensionType.Categorical, [], [], new Dictionary<string, string>(), null)]);

    private static readonly SemanticQuery RevenueByCountry = new(["revenue"], [new DimensionRef("country")], [], [], null);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly ISemanticEngine _semantic = Substitute.For<ISemanticEngine>();
    private readonly ISemanticQueryCompiler _compiler = Substitute.For<ISemanticQueryCompiler>();
    private readonly IEngineRegistry _registry = Substitute.For<IEngineRegistry>();
    private string? _leasedProfile;

    public SemanticCompilerEngineTests()
    {
        _registry.Lease<ISemanticEngine>(EngineKind.Semantic, Arg.Any<string?>()).Returns(call =>
        {
            _leasedProfile = call.ArgAt<string?>(1);
            return new EngineLease<ISemanticEngine>(_semantic, new EngineStatus(EngineKind.Semantic, "p", "rule_based", null, null, EngineState.Ready, null, null), () => { });
        });
    }

    [Fact]
    public async Task An_interpretation_is_compiled_for_the_requests_dialect_with_what_the_engine_said()
    {
        _semantic.InterpretAsync(Arg.Any<SemanticRequest>(), Arg.Any<CancellationToken>()).Returns(SemanticResult.Answer(RevenueByCountry, "revenue per country", 0.95));
        _compiler.Compile(Model, RevenueByCountry, SqlDialect.PostgreSql).Returns(new CompiledSemanticQuery("SELECT o.country, SUM(o.total) AS revenue FROM orders o GROUP BY 1", []));
        var values = new Dictionary<string, IReadOnlyList<string>> { ["country"] = ["Germany", "France"] };

        var result = await Engine("""{ "semantic_profile": "strict" }""").GenerateSqlAsync(Request(SqlDialect.PostgreSql, values), Token);

        result.Sql.ShouldBe("SELECT o.country, SUM(o.total) AS revenue FROM orders o GROUP BY 1");
        result.Explanation.ShouldBe("revenue per country");
        result.Confidence.ShouldBe(0.95);
        _leasedProfile.ShouldBe("strict");
        await _semantic.Received(1).InterpretAsync(
            Arg.Is<SemanticRequest>(r => r.Question == "revenue by country" && r.Model == Model && r.KnownValues == values && r.ReferenceDate == new DateOnly(2025, 12, 15)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_semantic_refusal_becomes_a_refusal_with_the_reason_and_suggestions()
    {
        _semantic.InterpretAsync(Arg.Any<SemanticRequest>(), Arg.Any<CancellationToken>())
            .Returns(SemanticResult.Refuse("'weather' is not in the model.", ["revenue by country"]));

        var result = await Engine().GenerateSqlAsync(Request(SqlDialect.DuckDb), Token);

        result.Sql.ShouldBeNull();
        result.Refusal.ShouldBe("'weather' is not in the model.");
        result.Suggestions.ShouldBe(["revenue by country"]);
        _leasedProfile.ShouldBe("default");
        _compiler.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_query_the_compiler_rejects_becomes_a_refusal_naming_the_problem()
    {
        _semantic.InterpretAsync(Arg.Any<SemanticRequest>(), Arg.Any<CancellationToken>()).Returns(SemanticResult.Answer(RevenueByCountry));
        _compiler.Compile(Arg.Any<SemanticModel>(), Arg.Any<SemanticQuery>(), Arg.Any<SqlDialect>())
            .Returns(_ => throw new SemanticQueryException("There is no path from orders to weather."));

        var result = await Engine().GenerateSqlAsync(Request(SqlDialect.DuckDb), Token);

        result.Sql.ShouldBeNull();
        result.Refusal.ShouldBe("There is no path from orders to weather.");
        result.Suggestions.ShouldHaveSingleItem().ShouldContain("revenue");
    }

    [Fact]
    public async Task Without_a_model_it_refuses_plainly_and_asks_no_semantic_engine()
    {
        var result = await Engine().GenerateSqlAsync(Request(SqlDialect.DuckDb) with { Model = null }, Token);

        result.Refusal.ShouldBe(SemanticCompilerEngine.NoModelRefusal);
        _registry.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public void The_provider_is_a_built_in_text_to_sql_provider_and_rejects_unknown_settings()
    {
        var provider = new SemanticCompilerEngineProvider(Substitute.For<IServiceProvider>());

        provider.Provider.ShouldBe(new EngineProvider(EngineKind.TextToSql, "semantic_compiler"));
        Should.Throw<ArgumentException>(() => provider.Create(Context("""{ "model": "gpt" }"""))).Message.ShouldContain("model");
        Should.Throw<ArgumentException>(() => provider.Create(Context("""{ "semantic_profile": 3 }""")));
        ((SemanticCompilerEngine)provider.Create(Context("{}"))).SemanticProfile.ShouldBe("default");
    }

    private SemanticCompilerEngine Engine(string config = "{}")
    {
        var services = Substitute.For<IServiceProvider>();
        services.GetService(typeof(IEngineRegistry)).Returns(_registry);
        services.GetService(typeof(ISemanticQueryCompiler)).Returns(_compiler);
        return (SemanticCompilerEngine)new SemanticCompilerEngineProvider(services).Create(Context(config));
    }

    private static EngineContext Context(string config) =>
        new("default", JsonDocument.Parse(config).RootElement.Clone(), NullLoggerFactory.Instance, TimeProvider.System);

    private static TextToSqlRequest Request(SqlDialect dialect, IReadOnlyDictionary<string, IReadOnlyList<string>>? values = null) =>
        new("revenue by country", new DatabaseSchema([]), Model, dialect, [], values ?? new Dictionary<string, IReadOnlyList<string>>(), new DateOnly(2025, 12, 15));
}
