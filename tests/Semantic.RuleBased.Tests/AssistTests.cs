using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Semantic.RuleBased.Tests.Support;

namespace Kurobe.Semantic.RuleBased.Tests;

public sealed class AssistTests
{
    private static async Task<ModelAssistance> AssistAsync(SemanticModel model)
    {
        await using var engine = Engine.Create();
        return await engine.AssistAsync(model, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Suggests_plural_and_spaced_forms_people_use()
    {
        var assistance = await AssistAsync(Retail.Model);

        assistance.Synonyms["region"].ShouldContain("regions");
        assistance.Synonyms["category"].ShouldContain("categories");
        assistance.Synonyms["ship_date"].ShouldContain("ship dates");
        assistance.Synonyms["customer_count"].ShouldContain("number of customers");
        assistance.Synonyms["average_discount"].ShouldContain("avg discount");
    }

    [Fact]
    public async Task Never_suggests_a_word_the_model_already_uses()
    {
        var assistance = await AssistAsync(Retail.Model);

        // "customers" already names customer_count; "orders" and "number of orders" already name order_count.
        assistance.Synonyms.GetValueOrDefault("customer")?.ShouldNotContain("customers");
        assistance.Synonyms.GetValueOrDefault("order_count")?.ShouldNotContain("orders");
        assistance.Synonyms.GetValueOrDefault("order_count")?.ShouldNotContain("number of orders");
        var all = assistance.Synonyms.Values.SelectMany(s => s).ToList();
        all.ShouldBeUnique();
    }

    [Fact]
    public async Task Suggests_words_from_descriptions()
    {
        var assistance = await AssistAsync(Retail.Model);

        // "Money taken after discounts." and "The customer's market."
        assistance.Synonyms["revenue"].ShouldContain("money");
        assistance.Synonyms["segment"].ShouldContain("market");
        assistance.Synonyms.Values.SelectMany(s => s).ShouldNotContain("taken");
    }

    [Fact]
    public async Task Notes_dimensions_and_measures_without_synonyms()
    {
        var assistance = await AssistAsync(Retail.Model);

        assistance.Notes.ShouldContain("Dimension 'region' has no synonyms; add the words people use for it.");
        assistance.Notes.ShouldContain("Measure 'cost' has no synonyms; add the words people use for it.");
        assistance.Notes.ShouldNotContain(n => n.Contains("'channel' has no synonyms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notes_a_word_that_names_two_terms()
    {
        var model = Retail.Model with
        {
            Dimensions = [.. Retail.Model.Dimensions.Select(d => d.Name == "region" ? d with { Synonyms = ["sales"] } : d)],
        };

        var assistance = await AssistAsync(model);

        assistance.Notes.ShouldContain("'sales' names 'revenue' and 'region'; questions using it are ambiguous.");
    }

    [Fact]
    public async Task Assistance_is_deterministic()
    {
        var first = await AssistAsync(Retail.Model);
        var second = await AssistAsync(Retail.Model);

        first.Notes.ShouldBe(second.Notes);
        first.Synonyms.Keys.ShouldBe(second.Synonyms.Keys);
        foreach (var (name, synonyms) in first.Synonyms)
        {
            second.Synonyms[name].ShouldBe(synonyms);
        }
    }
}
