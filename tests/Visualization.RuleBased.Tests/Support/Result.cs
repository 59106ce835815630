using System.Globalization;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Visualization.RuleBased.Tests.Support;

/// <summary>Builds a request from rows, profiling the columns the way the host does.</summary>
internal sealed class Result(params (string Name, ValueKind Kind)[] columns)
{
    private readonly List<object?[]> _rows = [];

    public Result Row(params object?[] values)
    {
        values.Length.ShouldBe(columns.Length, "a row has one value per column");
        _rows.Add(values);
        return this;
    }

    public Result Rows(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            Row(row);
        }

        return this;
    }

    public VisualizationRequest Ask(string? question = null) =>
        new([.. columns.Select((c, i) => Profile(c.Name, c.Kind, i))], _rows.Count, [.. _rows.Select(r => (IReadOnlyList<object?>)r)], question);

    private ColumnProfile Profile(string name, ValueKind kind, int index)
    {
        var values = _rows.Select(r => r[index]).OfType<object>().ToList();
        var distinct = values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).Count();
        object? min = null, max = null;
        if (values.Count > 0 && kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float)
        {
            min = values.MinBy(v => Convert.ToDouble(v, CultureInfo.InvariantCulture));
            max = values.MaxBy(v => Convert.ToDouble(v, CultureInfo.InvariantCulture));
        }
        else if (values.Count > 0 && kind is ValueKind.Date or ValueKind.Timestamp or ValueKind.TimestampWithTimeZone)
        {
            min = values.Cast<string>().Min(StringComparer.Ordinal);
            max = values.Cast<string>().Max(StringComparer.Ordinal);
        }

        int? maxLength = kind == ValueKind.Text && values.Count > 0 ? values.Cast<string>().Max(s => s.Length) : null;
        return new ColumnProfile(name, kind.ToString().ToUpperInvariant(), kind, distinct, _rows.Count - values.Count, min, max, maxLength);
    }
}
