using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.Engines;

/// <summary>The first-party visualization plugin, loaded by the plugin host from the plugin directory, answering through the API.</summary>
public sealed class EnginesAndChartsTests(KurobeApiFactory factory) : IClassFixture<KurobeApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Engines_lists_every_profile_with_the_plugin_that_serves_it()
    {
        var response = await _client.PostGraphQLAsync("{ engines { kind profile provider plugin version status lastError } }", cancellationToken: Token);

        var engines = response.GetProperty("data").GetProperty("engines").EnumerateArray().ToList();
        var visualization = engines.Single(e => e.GetProperty("kind").GetString() == "VISUALIZATION");
        visualization.GetProperty("provider").GetString().ShouldBe("rule_based");
        visualization.GetProperty("plugin").GetString().ShouldBe("rule-based-visualization");
        visualization.GetProperty("status").GetString().ShouldBe("READY");
        var semantic = engines.Single(e => e.GetProperty("kind").GetString() == "SEMANTIC");
        semantic.GetProperty("plugin").GetString().ShouldBe("rule-based-semantic");
        semantic.GetProperty("status").GetString().ShouldBe("READY");
        var textToSql = engines.Single(e => e.GetProperty("kind").GetString() == "TEXT_TO_SQL");
        textToSql.GetProperty("provider").GetString().ShouldBe("semantic_compiler");
        textToSql.GetProperty("status").GetString().ShouldBe("READY");
        textToSql.GetProperty("plugin").GetString().ShouldBe("kurobe", "semantic_compiler is built into the server");
    }

    [Fact]
    public async Task A_query_result_carries_a_recommended_chart_with_a_vega_lite_spec()
    {
        var response = await _client.PostGraphQLAsync("""
            { runQuery(input: {sql: "select p.category, sum(oi.quantity * oi.unit_price) as revenue from order_items oi join products p using (product_id) group by all order by revenue desc"}) {
                rowCount chart(question: "revenue by category") { kind title reason encodings { x { field type title } y { field type } } vegaLite } } }
            """, cancellationToken: Token);

        response.TryGetProperty("errors", out _).ShouldBeFalse(response.GetRawText());
        var chart = response.GetProperty("data").GetProperty("runQuery").GetProperty("chart");
        chart.GetProperty("kind").GetString().ShouldBeOneOf("BAR", "HORIZONTAL_BAR");
        var vegaLite = chart.GetProperty("vegaLite");
        vegaLite.GetProperty("$schema").GetString()!.ShouldContain("vega-lite/v5");
        vegaLite.GetProperty("data").GetProperty("name").GetString().ShouldBe("result");
        var fields = new[] { chart.GetProperty("encodings").GetProperty("x"), chart.GetProperty("encodings").GetProperty("y") }
            .Select(e => e.GetProperty("field").GetString()).ToList();
        fields.ShouldBe(["category", "revenue"], ignoreOrder: true);
    }

    [Fact]
    public async Task Recommend_chart_serves_any_result_shape()
    {
        var response = await _client.PostGraphQLAsync(
            """
            query($rows: JSON!) { recommendChart(input: {
                columns: [{name: "month", type: "DATE", kind: DATE}, {name: "revenue", type: "DOUBLE", kind: FLOAT}], rows: $rows }) {
                kind encodings { x { field type } y { field type } } vegaLite } }
            """,
            new { rows = Enumerable.Range(1, 12).Select(m => new object[] { $"2025-{m:00}-01", m * 10.5 }).ToArray() },
            Token);

        response.TryGetProperty("errors", out _).ShouldBeFalse(response.GetRawText());
        var chart = response.GetProperty("data").GetProperty("recommendChart");
        chart.GetProperty("kind").GetString().ShouldBe("LINE");
        chart.GetProperty("encodings").GetProperty("x").GetProperty("type").GetString().ShouldBe("TEMPORAL");
    }

    [Fact]
    public async Task An_unconfigured_profile_answers_engine_unavailable()
    {
        var response = await _client.PostGraphQLAsync(
            """{ recommendChart(input: {columns: [{name: "n", type: "INTEGER", kind: INTEGER}], rows: [[1]], profile: "nowhere"}) { kind } }""",
            cancellationToken: Token);

        response.ErrorCode().ShouldBe("ENGINE_UNAVAILABLE");
        response.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("nowhere");
    }
}
