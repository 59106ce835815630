using Kurobe.Plugins.Abstractions.Visualization;
using Kurobe.Visualization.RuleBased.Tests.Support;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Visualization.RuleBased.Tests;

/// <summary>Names and questions change the chart: keys and years are not measures, words pick area, pie or stacks.</summary>
public sealed class MeaningTests
{
    [Fact]
    public async Task An_id_column_is_not_a_measure()
    {
        var request = new Result(("customer_id", ValueKind.Integer), ("revenue", ValueKind.Decimal))
            .Rows(Enumerable.Range(1, 8).Select(i => new object?[] { (long)i * 1000, 10m * i }))
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Bar, "the id names the bars; it is not a second measure for a scatter");
        chart.Encodings.X.ShouldBe(new FieldEncoding("customer_id", FieldType.Nominal, "Customer ID"));
        chart.Encodings.Y!.Field.ShouldBe("revenue");
    }

    [Fact]
    public async Task A_key_gives_way_to_a_name_column()
    {
        var request = new Result(("customerId", ValueKind.Integer), ("customer_name", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Rows(Enumerable.Range(1, 4).Select(i => new object?[] { (long)i, $"Customer account {i}", 10m * i }))
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.HorizontalBar, "names longer than 12 characters lie on their side");
        chart.Encodings.Y!.Field.ShouldBe("customer_name");
    }

    [Fact]
    public async Task An_order_number_with_one_value_per_row_is_a_key()
    {
        var request = new Result(("order_number", ValueKind.Integer), ("amount", ValueKind.Decimal))
            .Rows(Enumerable.Range(1, 6).Select(i => new object?[] { 5000L + i, 10m * i }))
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Bar);
        chart.Encodings.X!.Field.ShouldBe("order_number");
    }

    [Fact]
    public async Task Only_ids_and_a_year_are_no_measures_so_a_table()
    {
        var request = new Result(("id", ValueKind.Integer), ("fiscal_year", ValueKind.Integer), ("product_id", ValueKind.Integer))
            .Row(1L, 2023L, 7L).Row(2L, 2024L, 8L)
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Table);
        chart.Reason.ShouldContain("no numeric measure");
    }

    [Fact]
    public async Task A_single_year_and_a_value_is_a_kpi_of_the_value_not_the_year()
    {
        var chart = await Engine.RecommendAsync(new Result(("year", ValueKind.Integer), ("revenue", ValueKind.Decimal)).Row(2024L, 99m).Ask());

        chart.Kind.ShouldBe(ChartKind.Kpi);
        chart.Encodings.Value!.Field.ShouldBe("revenue");
    }

    [Theory]
    [InlineData("total_revenue", "Total revenue")]
    [InlineData("avgOrderValue", "Avg order value")]
    [InlineData("revenue_ytd_usd", "Revenue YTD USD")]
    [InlineData("ORDER_COUNT", "Order count")]
    [InlineData("region", "Region")]
    public async Task Titles_come_from_column_names(string column, string title)
    {
        var request = new Result(("region_name", ValueKind.Text), (column, ValueKind.Decimal)).Row("North", 1m).Row("South", 2m).Ask();
        if (column == "region")
        {
            request = new Result((column, ValueKind.Text), ("n", ValueKind.Decimal)).Row("North", 1m).Row("South", 2m).Ask();
        }

        var chart = await Engine.RecommendAsync(request);

        var field = column == "region" ? chart.Encodings.X! : chart.Encodings.Y!;
        field.Title.ShouldBe(title);
        chart.VegaLite["encoding"]![column == "region" ? "x" : "y"]!["title"]!.GetValue<string>().ShouldBe(title);
    }

    [Fact]
    public async Task Without_a_question_the_title_comes_from_the_columns()
    {
        var chart = await Engine.RecommendAsync(Scenarios.GroupedBar());

        chart.Title.ShouldBe("Revenue by category and region");
    }

    [Fact]
    public async Task A_question_becomes_the_title()
    {
        var chart = await Engine.RecommendAsync(new Result(("region", ValueKind.Text), ("revenue", ValueKind.Decimal)).Row("N", 1m).Row("S", 2m).Ask("  revenue   by region? "));

        chart.Title.ShouldBe("Revenue by region?");
    }

    [Fact]
    public async Task Asking_for_a_running_total_makes_an_area()
    {
        var request = new Result(("order_date", ValueKind.Date), ("revenue", ValueKind.Decimal)).Rows(Scenarios.Days(5, i => i * 10m));

        (await Engine.RecommendAsync(request.Ask("Running total of revenue this month"))).Kind.ShouldBe(ChartKind.Area);
        (await Engine.RecommendAsync(request.Ask("Revenue per day this month"))).Kind.ShouldBe(ChartKind.Line);
    }

    [Fact]
    public async Task A_to_date_measure_makes_an_area()
    {
        var request = new Result(("order_date", ValueKind.Date), ("revenue_to_date", ValueKind.Decimal)).Rows(Scenarios.Days(5, i => i * 10m)).Ask();

        (await Engine.RecommendAsync(request)).Kind.ShouldBe(ChartKind.Area);
    }

    [Theory]
    [InlineData("How is revenue split across channels?", ChartKind.Pie)]
    [InlineData("Percentage of revenue per channel", ChartKind.Pie)]
    [InlineData("Distribution of revenue by channel", ChartKind.Pie)]
    [InlineData("Which channel has the most revenue?", ChartKind.Bar)]
    public async Task The_question_decides_between_pie_and_bars(string question, ChartKind kind)
    {
        var request = new Result(("channel", ValueKind.Text), ("revenue", ValueKind.Decimal)).Row("Web", 5m).Row("Store", 3m).Row("Phone", 2m).Ask(question);

        (await Engine.RecommendAsync(request)).Kind.ShouldBe(kind);
    }

    [Fact]
    public async Task The_question_decides_between_grouped_and_stacked_bars()
    {
        var rows = new Result(("category", ValueKind.Text), ("region", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Rows(Scenarios.Categories.Take(4).SelectMany(c => Scenarios.Regions.Select((r, i) => new object?[] { c, r, 1m + i })));

        (await Engine.RecommendAsync(rows.Ask("Revenue by category and region"))).Kind.ShouldBe(ChartKind.GroupedBar);
        (await Engine.RecommendAsync(rows.Ask("What is the composition of revenue by region for each category?"))).Kind.ShouldBe(ChartKind.StackedBar);
    }
}
