using System.Text.Json.Nodes;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Visualization.RuleBased.Tests.Support;

/// <summary>A structural check of the Vega-Lite specs the engine writes.</summary>
internal static class VegaLite
{
    public const string Schema = "https://vega.github.io/schema/vega-lite/v5.json";

    private static readonly string[] Marks =
    [
        "arc", "area", "bar", "image", "line", "point", "rect", "rule", "text", "tick", "trail", "circle", "square", "geoshape", "boxplot",
        "errorband", "errorbar",
    ];

    private static readonly string[] Types = ["quantitative", "temporal", "ordinal", "nominal"];

    /// <summary>The channels each kind must have (and, for charts, the only field channels it may have).</summary>
    private static readonly Dictionary<ChartKind, (string Mark, string[] Channels)> Expected = new()
    {
        [ChartKind.Kpi] = ("text", ["text"]),
        [ChartKind.Line] = ("line", ["x", "y"]),
        [ChartKind.Area] = ("area", ["x", "y"]),
        [ChartKind.Bar] = ("bar", ["x", "y"]),
        [ChartKind.HorizontalBar] = ("bar", ["x", "y"]),
        [ChartKind.GroupedBar] = ("bar", ["x", "y", "xOffset", "color"]),
        [ChartKind.StackedBar] = ("bar", ["x", "y", "color"]),
        [ChartKind.Pie] = ("arc", ["theta", "color"]),
        [ChartKind.Scatter] = ("point", ["x", "y"]),
        [ChartKind.Heatmap] = ("rect", ["x", "y", "color"]),
        [ChartKind.Table] = ("text", []),
    };

    public static void ShouldBeValid(ChartRecommendation recommendation, VisualizationRequest request)
    {
        var spec = recommendation.VegaLite;
        spec["$schema"]!.GetValue<string>().ShouldBe(Schema);
        spec["title"]!.GetValue<string>().ShouldBe(recommendation.Title);
        spec["data"]!["name"]!.GetValue<string>().ShouldBe("result");
        recommendation.Title.ShouldNotBeNullOrWhiteSpace();
        recommendation.Reason.ShouldNotBeNullOrWhiteSpace();
        recommendation.Reason.TrimEnd().ShouldEndWith(".");

        var mark = spec["mark"] switch
        {
            JsonObject o => o["type"]!.GetValue<string>(),
            JsonValue v => v.GetValue<string>(),
            _ => throw new ShouldAssertException("mark is missing"),
        };
        mark.ShouldBeOneOf(Marks);
        var (expectedMark, channels) = Expected[recommendation.Kind];
        mark.ShouldBe(expectedMark);

        var columns = request.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        // Fields a fold transform creates are fields too.
        var folded = (spec["transform"] as JsonArray ?? [])
            .SelectMany(t => t?["as"] as JsonArray ?? [])
            .Select(n => n!.GetValue<string>());
        columns.UnionWith(folded);

        var encoding = spec["encoding"] as JsonObject ?? [];
        foreach (var channel in channels)
        {
            encoding.ContainsKey(channel).ShouldBeTrue($"{recommendation.Kind} needs the {channel} channel");
        }

        foreach (var (name, node) in encoding)
        {
            var definitions = node is JsonArray array ? array.Select(n => n!.AsObject()) : [node!.AsObject()];
            foreach (var definition in definitions)
            {
                definition["field"]!.GetValue<string>().ShouldBeOneOf([.. columns], $"{name} names a column");
                definition["type"]!.GetValue<string>().ShouldBeOneOf(Types);
                definition.ContainsKey("aggregate").ShouldBeFalse("the data is already aggregated");
            }
        }

        if (recommendation.Kind == ChartKind.Table)
        {
            spec["usermeta"]!["kurobe"]!["table"]!.GetValue<bool>().ShouldBeTrue();
        }

        foreach (var field in new[] { recommendation.Encodings.X, recommendation.Encodings.Y, recommendation.Encodings.Series, recommendation.Encodings.Value })
        {
            if (field is not null)
            {
                field.Field.ShouldBeOneOf([.. request.Columns.Select(c => c.Name)]);
                field.Title.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }
}
