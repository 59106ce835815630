using Kurobe.Plugins.Abstractions.Visualization;
using Kurobe.Visualization.RuleBased.Tests.Support;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Visualization.RuleBased.Tests;

public sealed class ChartRuleTests
{
    [Fact]
    public async Task A_single_number_is_a_kpi()
    {
        var chart = await Engine.RecommendAsync(Scenarios.Kpi());

        chart.Kind.ShouldBe(ChartKind.Kpi);
        chart.Encodings.Value.ShouldBe(new FieldEncoding("total_revenue", FieldType.Quantitative, "Total revenue"));
        chart.Encodings.X.ShouldBeNull();
        chart.Title.ShouldBe("Total revenue");
    }

    [Fact]
    public async Task One_row_with_a_label_and_one_measure_is_still_a_kpi()
    {
        var chart = await Engine.RecommendAsync(new Result(("region", ValueKind.Text), ("revenue", ValueKind.Decimal)).Row("North", 10m).Ask());

        chart.Kind.ShouldBe(ChartKind.Kpi);
        chart.Encodings.Value!.Field.ShouldBe("revenue");
    }

    [Fact]
    public async Task A_measure_over_dates_is_a_line()
    {
        var chart = await Engine.RecommendAsync(Scenarios.Line());

        chart.Kind.ShouldBe(ChartKind.Line);
        chart.Encodings.X.ShouldBe(new FieldEncoding("order_date", FieldType.Temporal, "Order date"));
        chart.Encodings.Y!.Field.ShouldBe("revenue");
        chart.Encodings.Series.ShouldBeNull();
        chart.VegaLite["mark"]!["point"]!.GetValue<bool>().ShouldBeTrue();
        chart.Title.ShouldBe("Revenue over order date");
    }

    [Fact]
    public async Task A_cumulative_measure_over_time_is_an_area()
    {
        var chart = await Engine.RecommendAsync(Scenarios.Area());

        chart.Kind.ShouldBe(ChartKind.Area);
        chart.Encodings.Y!.Title.ShouldBe("Cumulative revenue");
    }

    [Fact]
    public async Task Time_category_and_measure_is_a_line_per_category()
    {
        var chart = await Engine.RecommendAsync(Scenarios.LineWithSeries());

        chart.Kind.ShouldBe(ChartKind.Line);
        chart.Encodings.X!.Field.ShouldBe("month");
        chart.Encodings.Series.ShouldBe(new FieldEncoding("region", FieldType.Nominal, "Region"));
        chart.VegaLite["encoding"]!["color"]!["field"]!.GetValue<string>().ShouldBe("region");
    }

    [Fact]
    public async Task Several_measures_over_time_are_one_line_each()
    {
        var request = new Result(("order_date", ValueKind.Date), ("revenue", ValueKind.Decimal), ("cost", ValueKind.Decimal))
            .Rows(Scenarios.Days(5, i => i).Select(r => new[] { r[0], r[1], r[1] }))
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Line);
        chart.VegaLite["transform"]![0]!["fold"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["revenue", "cost"]);
        chart.VegaLite["encoding"]!["color"]!["field"]!.GetValue<string>().ShouldBe("measure");
    }

    [Fact]
    public async Task Integer_years_and_iso_month_text_are_time_axes()
    {
        var years = new Result(("year", ValueKind.Integer), ("orders", ValueKind.Integer)).Row(2022L, 10L).Row(2023L, 12L).Row(2024L, 15L).Ask();
        var months = new Result(("order_month", ValueKind.Text), ("orders", ValueKind.Integer)).Row("2024-01", 10L).Row("2024-02", 12L).Row("2024-03", 9L).Ask();

        var byYear = await Engine.RecommendAsync(years);
        var byMonth = await Engine.RecommendAsync(months);

        byYear.Kind.ShouldBe(ChartKind.Line);
        byYear.Encodings.X.ShouldBe(new FieldEncoding("year", FieldType.Ordinal, "Year"));
        byYear.Encodings.Y!.Field.ShouldBe("orders");
        byMonth.Kind.ShouldBe(ChartKind.Line);
        byMonth.Encodings.X!.Type.ShouldBe(FieldType.Temporal);
    }

    [Fact]
    public async Task A_column_named_like_a_period_with_other_values_is_not_time()
    {
        var request = new Result(("month", ValueKind.Text), ("orders", ValueKind.Integer)).Row("Spring sale", 10L).Row("Autumn sale", 12L).Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Bar);
    }

    [Fact]
    public async Task One_category_and_one_measure_is_a_bar_sorted_by_value()
    {
        var chart = await Engine.RecommendAsync(Scenarios.Bar());

        chart.Kind.ShouldBe(ChartKind.Bar);
        chart.Encodings.X.ShouldBe(new FieldEncoding("region", FieldType.Nominal, "Region"));
        chart.Encodings.Y.ShouldBe(new FieldEncoding("revenue", FieldType.Quantitative, "Revenue"));
        chart.VegaLite["encoding"]!["x"]!["sort"]!.GetValue<string>().ShouldBe("-y");
        chart.Title.ShouldBe("Revenue by region");
    }

    [Fact]
    public async Task Long_labels_make_horizontal_bars()
    {
        var chart = await Engine.RecommendAsync(Scenarios.HorizontalBarForLongLabels());

        chart.Kind.ShouldBe(ChartKind.HorizontalBar);
        chart.Encodings.Y!.Field.ShouldBe("product_name");
        chart.Encodings.X!.Field.ShouldBe("units_sold");
        chart.VegaLite["encoding"]!["y"]!["sort"]!.GetValue<string>().ShouldBe("-x");
    }

    [Fact]
    public async Task Many_categories_make_horizontal_bars()
    {
        var chart = await Engine.RecommendAsync(Scenarios.HorizontalBarForManyCategories());

        chart.Kind.ShouldBe(ChartKind.HorizontalBar);
        chart.Reason.ShouldContain("20 categories");
    }

    [Fact]
    public async Task A_few_parts_of_a_whole_asked_as_a_share_make_a_pie()
    {
        var chart = await Engine.RecommendAsync(Scenarios.Pie());

        chart.Kind.ShouldBe(ChartKind.Pie);
        chart.Encodings.Series!.Field.ShouldBe("channel");
        chart.Encodings.Value!.Field.ShouldBe("revenue");
        chart.Title.ShouldBe("What share of revenue comes from each channel?");
    }

    [Fact]
    public async Task A_share_measure_makes_a_pie_without_a_question()
    {
        var request = new Result(("segment", ValueKind.Text), ("pct_of_customers", ValueKind.Float)).Row("New", 0.2).Row("Returning", 0.5).Row("Lapsed", 0.3).Ask();

        (await Engine.RecommendAsync(request)).Kind.ShouldBe(ChartKind.Pie);
    }

    [Fact]
    public async Task Without_a_share_question_a_few_categories_are_bars()
    {
        var request = new Result(("channel", ValueKind.Text), ("revenue", ValueKind.Decimal)).Row("Web", 500m).Row("Store", 300m).Row("Phone", 200m).Ask();

        (await Engine.RecommendAsync(request)).Kind.ShouldBe(ChartKind.Bar);
    }

    [Fact]
    public async Task Negative_values_are_never_a_pie()
    {
        var request = new Result(("channel", ValueKind.Text), ("profit", ValueKind.Decimal)).Row("Web", 500m).Row("Store", -30m).Row("Phone", 200m)
            .Ask("What is the breakdown of profit by channel?");

        (await Engine.RecommendAsync(request)).Kind.ShouldBe(ChartKind.Bar);
    }

    [Fact]
    public async Task Too_many_slices_are_never_a_pie()
    {
        var request = new Result(("country", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Rows(Enumerable.Range(1, 8).Select(i => new object?[] { $"C{i}", 10m * i }))
            .Ask("Share of revenue by country");

        (await Engine.RecommendAsync(request)).Kind.ShouldBe(ChartKind.Bar);
    }

    [Fact]
    public async Task Two_categories_with_a_small_second_one_are_grouped_bars()
    {
        var chart = await Engine.RecommendAsync(Scenarios.GroupedBar());

        chart.Kind.ShouldBe(ChartKind.GroupedBar);
        chart.Encodings.X!.Field.ShouldBe("category");
        chart.Encodings.Series!.Field.ShouldBe("region");
        chart.VegaLite["encoding"]!["xOffset"]!["field"]!.GetValue<string>().ShouldBe("region");
    }

    [Fact]
    public async Task Asking_for_composition_stacks_the_bars()
    {
        var chart = await Engine.RecommendAsync(Scenarios.StackedBar());

        chart.Kind.ShouldBe(ChartKind.StackedBar);
        chart.VegaLite["encoding"]!["y"]!["stack"]!.GetValue<string>().ShouldBe("zero");
        chart.VegaLite["encoding"]!["color"]!["field"]!.GetValue<string>().ShouldBe("region");
    }

    [Fact]
    public async Task Two_categories_with_many_values_each_are_a_heatmap()
    {
        var chart = await Engine.RecommendAsync(Scenarios.Heatmap());

        chart.Kind.ShouldBe(ChartKind.Heatmap);
        chart.Encodings.X!.Field.ShouldBe("store");
        chart.Encodings.Y!.Field.ShouldBe("weekday");
        chart.Encodings.Value!.Field.ShouldBe("visits");
    }

    [Fact]
    public async Task Two_measures_are_a_scatter()
    {
        var chart = await Engine.RecommendAsync(Scenarios.Scatter());

        chart.Kind.ShouldBe(ChartKind.Scatter);
        chart.Encodings.X!.Field.ShouldBe("price");
        chart.Encodings.Y!.Field.ShouldBe("quantity");
        chart.Title.ShouldBe("Price vs quantity");
    }

    [Fact]
    public async Task Two_measures_with_a_row_label_are_a_scatter_with_tooltips()
    {
        var request = new Result(("product", ValueKind.Text), ("price", ValueKind.Decimal), ("units_sold", ValueKind.Integer))
            .Rows(Enumerable.Range(1, 10).Select(i => new object?[] { $"P{i}", 2m * i, (long)(50 - i) }))
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Scatter);
        chart.Encodings.Series.ShouldBeNull();
        chart.VegaLite["encoding"]!["tooltip"]![0]!["field"]!.GetValue<string>().ShouldBe("product");
    }

    [Fact]
    public async Task Two_measures_with_a_small_category_colour_the_points()
    {
        var request = new Result(("segment", ValueKind.Text), ("price", ValueKind.Decimal), ("units_sold", ValueKind.Integer))
            .Rows(Enumerable.Range(1, 12).Select(i => new object?[] { i % 2 == 0 ? "Retail" : "Wholesale", 2m * i, (long)(50 - i) }))
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Scatter);
        chart.Encodings.Series!.Field.ShouldBe("segment");
    }

    [Fact]
    public async Task A_small_integer_group_key_with_a_count_is_bars_not_a_scatter()
    {
        var request = new Result(("rating", ValueKind.Integer), ("review_count", ValueKind.Integer))
            .Rows(Enumerable.Range(1, 5).Select(i => new object?[] { (long)i, (long)i * 11 }))
            .Ask();

        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(ChartKind.Bar);
        chart.Encodings.X.ShouldBe(new FieldEncoding("rating", FieldType.Ordinal, "Rating"));
    }

    [Theory]
    [InlineData(nameof(Scenarios.WideTable), "too wide")]
    [InlineData(nameof(Scenarios.HighCardinalityTable), "too many")]
    [InlineData(nameof(Scenarios.EmptyTable), "no rows")]
    [InlineData(nameof(Scenarios.NoMeasureTable), "no numeric measure")]
    public async Task Results_no_chart_fits_are_tables(string scenario, string reason)
    {
        var chart = await Engine.RecommendAsync(Scenarios.Named(scenario));

        chart.Kind.ShouldBe(ChartKind.Table);
        chart.Reason.ShouldContain(reason);
        chart.Encodings.ShouldBe(new ChartEncodings(null, null, null, null));
        chart.VegaLite["mark"]!.GetValue<string>().ShouldBe("text");
    }
}
