using System.Text.Json.Nodes;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Visualization.RuleBased.Internal;

/// <summary>Writes a plan as a recommendation with a Vega-Lite v5 specification.</summary>
/// <remarks>
/// The data is the named source <c>result</c>, which the host binds to the result's rows. A table gets a minimal
/// text-mark spec flagged <c>usermeta.kurobe.table = true</c>: clients render the rows as a grid instead.
/// </remarks>
internal static class VegaLiteSpec
{
    public const string Schema = "https://vega.github.io/schema/vega-lite/v5.json";
    public const string DataName = "result";
    public const string FoldedKey = "measure";
    public const string FoldedValue = "value";

    public static ChartRecommendation ToRecommendation(ChartPlan plan)
    {
        var encodings = new ChartEncodings(Field(plan.X), Field(plan.Y), Field(plan.Series), Field(plan.Value));
        return new ChartRecommendation(plan.Kind, encodings, plan.Title, plan.Reason, Build(plan));
    }

    private static FieldEncoding? Field(Column? column) =>
        column is null ? null : new FieldEncoding(column.Name, column.FieldType, column.Title);

    private static JsonObject Build(ChartPlan plan)
    {
        var spec = new JsonObject
        {
            ["$schema"] = Schema,
            ["title"] = plan.Title,
            ["description"] = plan.Reason,
            ["data"] = new JsonObject { ["name"] = DataName },
        };

        switch (plan.Kind)
        {
            case ChartKind.Kpi:
                spec["mark"] = new JsonObject { ["type"] = "text", ["fontSize"] = 48, ["fontWeight"] = "bold" };
                spec["encoding"] = new JsonObject { ["text"] = Channel(plan.Value!) };
                break;

            case ChartKind.Line or ChartKind.Area when plan.Folded.Count > 1:
                spec["mark"] = new JsonObject { ["type"] = "line", ["point"] = true };
                spec["transform"] = new JsonArray(new JsonObject
                {
                    ["fold"] = new JsonArray([.. plan.Folded.Select(m => (JsonNode)m.Name)]),
                    ["as"] = new JsonArray(FoldedKey, FoldedValue),
                });
                spec["encoding"] = new JsonObject
                {
                    ["x"] = Channel(plan.X!),
                    ["y"] = new JsonObject { ["field"] = FoldedValue, ["type"] = "quantitative", ["title"] = "Value" },
                    ["color"] = new JsonObject { ["field"] = FoldedKey, ["type"] = "nominal", ["title"] = "Measure" },
                };
                break;

            case ChartKind.Line or ChartKind.Area:
                spec["mark"] = plan.Kind == ChartKind.Line
                    ? new JsonObject { ["type"] = "line", ["point"] = true }
                    : new JsonObject { ["type"] = "area", ["line"] = true };
                spec["encoding"] = Encoding(("x", Channel(plan.X!)), ("y", Channel(plan.Y!)), ("color", Optional(plan.Series)));
                break;

            case ChartKind.Bar:
                spec["mark"] = new JsonObject { ["type"] = "bar" };
                spec["encoding"] = Encoding(("x", Channel(plan.X!, sortBy: "-y")), ("y", Channel(plan.Y!)));
                break;

            case ChartKind.HorizontalBar:
                spec["mark"] = new JsonObject { ["type"] = "bar" };
                spec["encoding"] = Encoding(("x", Channel(plan.X!)), ("y", Channel(plan.Y!, sortBy: "-x")));
                break;

            case ChartKind.GroupedBar:
                spec["mark"] = new JsonObject { ["type"] = "bar" };
                spec["encoding"] = Encoding(
                    ("x", Channel(plan.X!)),
                    ("y", Channel(plan.Y!)),
                    ("xOffset", Channel(plan.Series!)),
                    ("color", Channel(plan.Series!)));
                break;

            case ChartKind.StackedBar:
                spec["mark"] = new JsonObject { ["type"] = "bar" };
                var stacked = Channel(plan.Y!);
                stacked["stack"] = "zero";
                spec["encoding"] = Encoding(("x", Channel(plan.X!, sortBy: "-y")), ("y", stacked), ("color", Channel(plan.Series!)));
                break;

            case ChartKind.Pie:
                spec["mark"] = new JsonObject { ["type"] = "arc" };
                spec["encoding"] = Encoding(("theta", Channel(plan.Value!)), ("color", Channel(plan.Series!)));
                break;

            case ChartKind.Heatmap:
                spec["mark"] = new JsonObject { ["type"] = "rect" };
                spec["encoding"] = Encoding(("x", Channel(plan.X!)), ("y", Channel(plan.Y!)), ("color", Channel(plan.Value!)));
                break;

            case ChartKind.Scatter:
                spec["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true };
                var encoding = Encoding(("x", Channel(plan.X!)), ("y", Channel(plan.Y!)), ("color", Optional(plan.Series)));
                if (plan.Label is not null)
                {
                    encoding["tooltip"] = new JsonArray(Channel(plan.Label), Channel(plan.X!), Channel(plan.Y!));
                }

                spec["encoding"] = encoding;
                break;

            default:
                spec["mark"] = "text";
                spec["usermeta"] = new JsonObject
                {
                    ["kurobe"] = new JsonObject
                    {
                        ["table"] = true,
                        ["columns"] = new JsonArray([.. plan.TableColumns.Select(c => (JsonNode)c.Name)]),
                    },
                };
                break;
        }

        return spec;
    }

    private static JsonObject Encoding(params (string Name, JsonObject? Channel)[] channels)
    {
        var encoding = new JsonObject();
        foreach (var (name, channel) in channels)
        {
            if (channel is not null)
            {
                encoding[name] = channel;
            }
        }

        return encoding;
    }

    private static JsonObject? Optional(Column? column) => column is null ? null : Channel(column);

    /// <summary>
    /// A field channel. Nominal axes sort by <paramref name="sortBy"/> (the value, descending); ordinal and temporal
    /// axes keep their natural order.
    /// </summary>
    private static JsonObject Channel(Column column, string? sortBy = null)
    {
        var channel = new JsonObject
        {
            ["field"] = column.Name,
            ["type"] = TypeName(column.FieldType),
            ["title"] = column.Title,
        };
        if (sortBy is not null && column.FieldType == FieldType.Nominal)
        {
            channel["sort"] = sortBy;
        }

        return channel;
    }

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.Quantitative => "quantitative",
        FieldType.Temporal => "temporal",
        FieldType.Ordinal => "ordinal",
        _ => "nominal",
    };
}
