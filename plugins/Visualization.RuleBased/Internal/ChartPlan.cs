using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Visualization.RuleBased.Internal;

/// <summary>The chosen chart before it is written out: which column goes where.</summary>
internal sealed record ChartPlan(ChartKind Kind, string Title, string Reason)
{
    public Column? X { get; init; }

    public Column? Y { get; init; }

    public Column? Series { get; init; }

    public Column? Value { get; init; }

    /// <summary>Measures drawn as one series each, folded into <c>measure</c>/<c>value</c> pairs by the spec.</summary>
    public IReadOnlyList<Column> Folded { get; init; } = [];

    /// <summary>A column naming each point, shown as a tooltip.</summary>
    public Column? Label { get; init; }

    /// <summary>The columns a table shows.</summary>
    public IReadOnlyList<Column> TableColumns { get; init; } = [];
}
