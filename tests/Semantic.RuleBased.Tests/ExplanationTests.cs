using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Semantic.RuleBased.Tests.Support;

namespace Kurobe.Semantic.RuleBased.Tests;

/// <summary>How an answer says what it understood, and how sure it is.</summary>
public sealed class ExplanationTests
{
    [Theory]
    [InlineData("revenue by region in 2024", "revenue by region, 2024-01-01 to 2024-12-31")]
    [InlineData("top 5 products by revenue", "revenue by product, top 5 by revenue")]
    [InlineData("monthly units sold in Germany and France", "units sold by order date (month), country in (Germany, France)")]
    [InlineData("revenue and profit by ship date in Q1 2025", "revenue and profit by ship date (day), ship date 2025-01-01 to 2025-03-31")]
    [InlineData("web sales by category sorted by category", "revenue by category, channel = Online, sorted by category ascending")]
    [InlineData("list regions", "list of region")]
    public async Task The_explanation_is_one_readable_line(string question, string explanation)
    {
        var result = await Engine.AskAsync(question);

        result.Explanation.ShouldBe(explanation);
    }

    [Fact]
    public async Task Exact_words_give_full_confidence()
    {
        var result = await Engine.AskAsync("Revenue by REGIONS in 2024");

        result.Confidence.ShouldBe(1.0);
    }

    [Fact]
    public async Task Each_misspelled_letter_lowers_confidence()
    {
        var one = await Engine.AskAsync("revenue in Germny");
        var two = await Engine.AskAsync("revnue in Germny");

        one.Confidence.ShouldBe(0.9);
        two.Confidence.ShouldBe(0.8);
    }

    [Fact]
    public async Task The_same_question_always_gets_the_same_answer()
    {
        var first = await Engine.AskAsync("top 5 products by revenue in Electronics last quarter");
        var second = await Engine.AskAsync("top 5 products by revenue in Electronics last quarter");

        QueryText.Of(first.Query!).ShouldBe(QueryText.Of(second.Query!));
        first.Explanation.ShouldBe(second.Explanation);
    }

    [Fact]
    public async Task Without_known_values_values_are_not_understood_but_the_model_still_is()
    {
        await using var engine = Engine.Create();
        var noValues = new Dictionary<string, IReadOnlyList<string>>();

        var grouped = await engine.InterpretAsync(new SemanticRequest("revenue by region", Retail.Model, noValues, Retail.Today), TestContext.Current.CancellationToken);
        var filtered = await engine.InterpretAsync(new SemanticRequest("revenue in Germany", Retail.Model, noValues, Retail.Today), TestContext.Current.CancellationToken);

        QueryText.Of(grouped.Query!).ShouldBe("revenue by region");
        filtered.Refusal.ShouldBe("I don't know what 'Germany' means in the retail model.");
    }

    [Fact]
    public async Task Relative_periods_count_from_the_reference_date()
    {
        await using var engine = Engine.Create();

        var result = await engine.InterpretAsync(
            new SemanticRequest("revenue last month", Retail.Model, Retail.KnownValues, new DateOnly(2024, 3, 31)), TestContext.Current.CancellationToken);

        QueryText.Of(result.Query!).ShouldBe("revenue where order_date between 2024-02-01 and 2024-02-29");
    }
}
