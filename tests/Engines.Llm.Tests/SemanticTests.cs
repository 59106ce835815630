using Kurobe.Engines.Llm.Tests.Support;
using Kurobe.LlmFakes;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Engines.Llm.Tests;

public sealed class SemanticTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    [InlineData("openai_compatible")]
    public async Task A_question_becomes_a_semantic_query_checked_against_the_model(string api)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Content("""
            {
              "measures": ["Revenue"],
              "dimensions": [{"name": "order_date", "grain": "month"}, {"name": "country", "grain": null}],
              "filters": [
                {"field": "country", "operator": "in", "values": ["US", "Germany"]},
                {"field": "order_date", "operator": "between", "values": ["2026-01-01", "2026-11-01"]}
              ],
              "order_by": [{"field": "revenue", "descending": true}],
              "limit": 10,
              "refusal": null,
              "explanation": "Monthly revenue for two countries this year.",
              "confidence": 0.8
            }
            """));
        await using var engine = harness.Semantic(api);

        var result = await engine.InterpretAsync(Retail.SemanticQuestion("Monthly sales in the US and Germany this year, top 10"), Token);

        result.Refusal.ShouldBeNull();
        var query = result.Query.ShouldNotBeNull();
        query.Measures.ShouldBe(["revenue"]);
        query.Dimensions.ShouldBe([new DimensionRef("order_date", TimeGrain.Month), new DimensionRef("country")]);
        query.Filters.Count.ShouldBe(2);
        query.Filters[0].ShouldSatisfyAllConditions(
            f => f.Field.ShouldBe("country"),
            f => f.Operator.ShouldBe(FilterOperator.In),
            f => f.Values.ShouldBe(["United States", "Germany"]));
        query.Filters[1].Operator.ShouldBe(FilterOperator.Between);
        query.OrderBy.ShouldBe([new SemanticOrder("revenue", true)]);
        query.Limit.ShouldBe(10);
        result.Explanation.ShouldBe("Monthly revenue for two countries this year.");
        result.Confidence.ShouldBe(0.8);

        var request = harness.Server.Requests.ShouldHaveSingleItem();
        request.UserText.ShouldBe("<question>\nMonthly sales in the US and Germany this year, top 10\n</question>");
        request.SystemText.ShouldContain("revenue = SUM(oi.quantity * oi.unit_price)");
        request.SystemText.ShouldContain("also called: sales, turnover");
        request.SystemText.ShouldContain("\"US\" means \"United States\"");
        request.SystemText.ShouldContain("Today is 2026-11-24");
        request.Model.ShouldBe(LlmHarness.ModelFor(api));
    }

    [Fact]
    public async Task Names_the_model_does_not_have_are_refused_and_listed()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Content("""
            {"measures": ["revenue", "profit"], "dimensions": [{"name": "colour", "grain": null}], "filters": [], "order_by": [], "limit": null}
            """));
        await using var engine = harness.Semantic();

        var result = await engine.InterpretAsync(Retail.SemanticQuestion("Profit by colour"), Token);

        result.Query.ShouldBeNull();
        result.Refusal.ShouldBe("The model's interpretation used names that are not in the semantic model: profit, colour.");
        result.Suggestions.ShouldContain("Measures: revenue, order_count");
        harness.Logs.All.ShouldContain("Refused the model's semantic query");
    }

    [Theory]
    [InlineData("""{"measures": ["revenue"], "dimensions": [{"name": "country", "grain": "month"}]}""", "country cannot be grouped by month")]
    [InlineData("""{"measures": ["revenue"], "dimensions": [{"name": "order_date", "grain": "week"}]}""", "order_date cannot be grouped by week")]
    [InlineData("""{"measures": ["revenue"], "filters": [{"field": "country", "operator": "like", "values": ["U%"]}]}""", "'like' is not a filter operator")]
    [InlineData("""{"measures": ["revenue"], "filters": [{"field": "country", "operator": "equals", "values": ["a", "b"]}]}""", "the equals filter on country has 2 value(s)")]
    [InlineData("""{"measures": ["revenue"], "order_by": [{"field": "country"}]}""", "it sorts by country, which is not in the query")]
    [InlineData("""{"measures": [], "dimensions": [{"name": "country"}]}""", "it names no measure")]
    [InlineData("""{"measures": ["revenue"], "limit": -3}""", "its limit is not a positive whole number")]
    public async Task An_invalid_query_is_refused_with_the_reason(string reply, string expected)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Content(reply));
        await using var engine = harness.Semantic("anthropic");

        var result = await engine.InterpretAsync(Retail.SemanticQuestion("Something"), Token);

        result.Query.ShouldBeNull();
        result.Refusal.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public async Task The_models_own_refusal_is_passed_on_with_its_suggestions()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Content("""
            ```json
            {"measures": [], "refusal": "The model has no weather data.", "suggestions": ["Revenue by country"], "explanation": "", "confidence": 0}
            ```
            """));
        await using var engine = harness.Semantic();

        var result = await engine.InterpretAsync(Retail.SemanticQuestion("Will it rain tomorrow?"), Token);

        result.Refusal.ShouldBe("The model has no weather data.");
        result.Suggestions.ShouldBe(["Revenue by country"]);
    }

    [Fact]
    public async Task Assistance_keeps_new_synonyms_for_names_the_model_has()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Content("""
            {
              "synonyms": {"revenue": ["sales", "income", "takings"], "country": ["region of billing"], "unknown_thing": ["x"]},
              "notes": ["order_count filters cancelled orders; say so in its description."]
            }
            """));
        await using var engine = harness.Semantic();

        var assistance = await engine.AssistAsync(Retail.Model, Token);

        assistance.Synonyms.Keys.Order().ShouldBe(["country", "revenue"]);
        assistance.Synonyms["revenue"].ShouldBe(["income", "takings"]);
        assistance.Notes.ShouldHaveSingleItem().ShouldContain("cancelled");
        harness.Server.Requests.ShouldHaveSingleItem().SystemText.ShouldContain("revenue = SUM(oi.quantity * oi.unit_price)");
    }
}
