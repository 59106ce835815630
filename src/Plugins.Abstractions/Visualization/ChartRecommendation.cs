using System.Text.Json.Nodes;

namespace Kurobe.Plugins.Abstractions.Visualization;

/// <summary>The kinds of chart an engine may recommend.</summary>
public enum ChartKind
{
    /// <summary>One headline number.</summary>
    Kpi,

    /// <summary>Values over time.</summary>
    Line,

    /// <summary>Cumulative values over time.</summary>
    Area,

    /// <summary>Vertical bars per category.</summary>
    Bar,

    /// <summary>Horizontal bars, for long or many labels.</summary>
    HorizontalBar,

    /// <summary>Bars per category, grouped by a second category.</summary>
    GroupedBar,

    /// <summary>Bars per category, stacked by a second category.</summary>
    StackedBar,

    /// <summary>Parts of a whole, for a few categories.</summary>
    Pie,

    /// <summary>Two measures against each other.</summary>
    Scatter,

    /// <summary>A measure over two categories.</summary>
    Heatmap,

    /// <summary>The rows as they are, when no chart fits.</summary>
    Table,
}

/// <summary>How a field's values are read on a channel, in Vega-Lite's terms.</summary>
public enum FieldType
{
    /// <summary>Numbers measured on a scale.</summary>
    Quantitative,

    /// <summary>Dates and times.</summary>
    Temporal,

    /// <summary>Ordered categories.</summary>
    Ordinal,

    /// <summary>Unordered categories.</summary>
    Nominal,
}

/// <summary>A result column placed on a channel of the chart.</summary>
/// <param name="Field">The column's name.</param>
/// <param name="Type">How its values are read.</param>
/// <param name="Title">The axis or legend title, derived from the column's name.</param>
public sealed record FieldEncoding(string Field, FieldType Type, string Title);

/// <summary>Which columns go where. Channels a chart does not use are null.</summary>
/// <param name="X">The horizontal axis (the category axis of a horizontal bar chart is <paramref name="Y"/>).</param>
/// <param name="Y">The vertical axis.</param>
/// <param name="Series">What splits the data into series, groups, stacks or slices by colour.</param>
/// <param name="Value">The value shown: a KPI's number, a pie's angle, a heatmap's colour.</param>
public sealed record ChartEncodings(FieldEncoding? X, FieldEncoding? Y, FieldEncoding? Series, FieldEncoding? Value);

/// <summary>A recommended chart.</summary>
/// <param name="Kind">The kind of chart.</param>
/// <param name="Encodings">Which columns go on which channel.</param>
/// <param name="Title">A title derived from the question or the columns.</param>
/// <param name="Reason">Why this chart, in one sentence, for people.</param>
/// <param name="VegaLite">
/// A Vega-Lite v5 specification (with <c>$schema</c>) whose data is the named dataset <c>result</c>
/// (<c>"data": {"name": "result"}</c>): clients bind the result's rows to it as objects keyed by column name.
/// </param>
public sealed record ChartRecommendation(
    ChartKind Kind,
    ChartEncodings Encodings,
    string Title,
    string Reason,
    JsonObject VegaLite);
