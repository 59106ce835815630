using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Visualization.RuleBased.Tests.Support;

/// <summary>Typical results, one per rule, with the chart each should get.</summary>
internal static class Scenarios
{
    public static readonly string[] Regions = ["North", "South", "East", "West"];
    public static readonly string[] Categories = ["Books", "Games", "Music", "Toys", "Tools", "Food"];
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static VisualizationRequest Kpi() =>
        new Result(("total_revenue", ValueKind.Decimal)).Row(1234.5m).Ask();

    public static VisualizationRequest Line() =>
        new Result(("order_date", ValueKind.Date), ("revenue", ValueKind.Decimal)).Rows(Days(10, i => 100m + i)).Ask();

    public static VisualizationRequest Area() =>
        new Result(("order_date", ValueKind.Date), ("cumulative_revenue", ValueKind.Decimal)).Rows(Days(10, i => 100m * (i + 1))).Ask();

    public static VisualizationRequest LineWithSeries() =>
        new Result(("month", ValueKind.Date), ("region", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Rows(Enumerable.Range(1, 6).SelectMany(m => Regions.Select(r => new object?[] { $"2024-{m:00}-01", r, 10m * m })))
            .Ask();

    public static VisualizationRequest Bar() =>
        new Result(("region", ValueKind.Text), ("revenue", ValueKind.Decimal)).Rows(Regions.Select((r, i) => new object?[] { r, 100m * (i + 1) })).Ask();

    public static VisualizationRequest HorizontalBarForLongLabels() =>
        new Result(("product_name", ValueKind.Text), ("units_sold", ValueKind.Integer))
            .Row("Stainless steel water bottle", 120L)
            .Row("Bamboo cutting board", 80L)
            .Row("Cast iron skillet", 45L)
            .Ask();

    public static VisualizationRequest HorizontalBarForManyCategories() =>
        new Result(("city", ValueKind.Text), ("orders", ValueKind.Integer)).Rows(Enumerable.Range(1, 20).Select(i => new object?[] { $"City {i}", (long)i * 3 })).Ask();

    public static VisualizationRequest Pie() =>
        new Result(("channel", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Row("Web", 500m).Row("Store", 300m).Row("Phone", 200m)
            .Ask("What share of revenue comes from each channel?");

    public static VisualizationRequest GroupedBar() =>
        new Result(("category", ValueKind.Text), ("region", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Rows(Categories
                .SelectMany(c => Regions.Select((r, i) => new object?[] { c, r, 10m * (i + 1) })))
            .Ask();

    public static VisualizationRequest StackedBar() =>
        new Result(("category", ValueKind.Text), ("region", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Rows(Categories.Take(5).SelectMany(c => Regions.Select((r, i) => new object?[] { c, r, 10m * (i + 1) })))
            .Ask("Show the revenue mix of regions per category as stacked bars");

    public static VisualizationRequest Heatmap() =>
        new Result(("weekday", ValueKind.Text), ("store", ValueKind.Text), ("visits", ValueKind.Integer))
            .Rows(Weekdays
                .SelectMany(d => Enumerable.Range(1, 8).Select(s => new object?[] { d, $"Store {s}", (long)s * 7 })))
            .Ask();

    public static VisualizationRequest Scatter() =>
        new Result(("price", ValueKind.Decimal), ("quantity", ValueKind.Integer))
            .Rows(Enumerable.Range(1, 30).Select(i => new object?[] { 1.5m * i, (long)(100 - i) }))
            .Ask();

    public static VisualizationRequest WideTable() =>
        new Result(("a", ValueKind.Text), ("b", ValueKind.Text), ("c", ValueKind.Integer), ("d", ValueKind.Integer), ("e", ValueKind.Decimal), ("f", ValueKind.Decimal), ("g", ValueKind.Float))
            .Row("x", "y", 1L, 2L, 3m, 4m, 5.0)
            .Row("z", "w", 6L, 7L, 8m, 9m, 10.0)
            .Ask();

    public static VisualizationRequest HighCardinalityTable() =>
        new Result(("customer_name", ValueKind.Text), ("revenue", ValueKind.Decimal))
            .Rows(Enumerable.Range(1, 80).Select(i => new object?[] { $"Customer {i}", 10m * i }))
            .Ask();

    public static VisualizationRequest EmptyTable() =>
        new Result(("region", ValueKind.Text), ("revenue", ValueKind.Decimal)).Ask();

    public static VisualizationRequest NoMeasureTable() =>
        new Result(("first_name", ValueKind.Text), ("last_name", ValueKind.Text)).Row("Ada", "Lovelace").Row("Alan", "Turing").Ask();

    public static TheoryData<string, ChartKind> All { get; } = new()
    {
        { nameof(Kpi), ChartKind.Kpi },
        { nameof(Line), ChartKind.Line },
        { nameof(Area), ChartKind.Area },
        { nameof(LineWithSeries), ChartKind.Line },
        { nameof(Bar), ChartKind.Bar },
        { nameof(HorizontalBarForLongLabels), ChartKind.HorizontalBar },
        { nameof(HorizontalBarForManyCategories), ChartKind.HorizontalBar },
        { nameof(Pie), ChartKind.Pie },
        { nameof(GroupedBar), ChartKind.GroupedBar },
        { nameof(StackedBar), ChartKind.StackedBar },
        { nameof(Heatmap), ChartKind.Heatmap },
        { nameof(Scatter), ChartKind.Scatter },
        { nameof(WideTable), ChartKind.Table },
        { nameof(HighCardinalityTable), ChartKind.Table },
        { nameof(EmptyTable), ChartKind.Table },
        { nameof(NoMeasureTable), ChartKind.Table },
    };

    public static VisualizationRequest Named(string name) =>
        (VisualizationRequest)typeof(Scenarios).GetMethod(name)!.Invoke(null, null)!;

    public static IEnumerable<object?[]> Days(int count, Func<int, decimal> value) =>
        Enumerable.Range(0, count).Select(i => new object?[] { new DateOnly(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", null), value(i) });
}
