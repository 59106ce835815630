using System.Text.Json;
using System.Text.Json.Nodes;
using Kurobe.Plugins.Abstractions.Visualization;
using Kurobe.Visualization.RuleBased.Tests.Support;

namespace Kurobe.Visualization.RuleBased.Tests;

public sealed class VegaLiteTests
{
    public static TheoryData<string, ChartKind> Scenarios => Support.Scenarios.All;

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_chart_is_a_well_formed_vega_lite_v5_spec(string scenario, ChartKind kind)
    {
        var request = Support.Scenarios.Named(scenario);

        // RecommendAsync checks schema, mark, channels per kind, fields and types.
        var chart = await Engine.RecommendAsync(request);

        chart.Kind.ShouldBe(kind);
        var roundTripped = JsonNode.Parse(chart.VegaLite.ToJsonString())!.AsObject();
        roundTripped["$schema"]!.GetValue<string>().ShouldBe(VegaLite.Schema);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_same_request_gets_the_same_spec(string scenario, ChartKind kind)
    {
        var first = await Engine.RecommendAsync(Support.Scenarios.Named(scenario));
        var second = await Engine.RecommendAsync(Support.Scenarios.Named(scenario));

        first.Kind.ShouldBe(kind);
        JsonNode.DeepEquals(first.VegaLite, second.VegaLite).ShouldBeTrue();
        second.Reason.ShouldBe(first.Reason);
    }

    [Fact]
    public async Task A_pie_has_theta_and_colour_and_nothing_on_x_or_y()
    {
        var chart = await Engine.RecommendAsync(Support.Scenarios.Pie());

        var encoding = chart.VegaLite["encoding"]!.AsObject();
        encoding.Select(e => e.Key).ShouldBe(["theta", "color"], ignoreOrder: true);
        encoding["theta"]!["type"]!.GetValue<string>().ShouldBe("quantitative");
        encoding["color"]!["type"]!.GetValue<string>().ShouldBe("nominal");
    }

    [Fact]
    public async Task A_table_spec_says_it_is_a_table_and_lists_the_columns()
    {
        var chart = await Engine.RecommendAsync(Support.Scenarios.WideTable());

        var json = JsonSerializer.Serialize(chart.VegaLite["usermeta"]);
        json.ShouldBe("""{"kurobe":{"table":true,"columns":["a","b","c","d","e","f","g"]}}""");
        chart.VegaLite.ContainsKey("encoding").ShouldBeFalse();
    }
}
