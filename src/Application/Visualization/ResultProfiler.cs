using System.Globalization;
using System.Text.Json;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Application.Visualization;

/// <summary>
/// Describes a result for visualization engines: per column the distinct and null counts, the range of numbers and
/// temporal values, the longest text; and a sample of the rows. Works on the rows as encoded for responses.
/// </summary>
public static class ResultProfiler
{
    public const int SampleRows = 200;

    public static VisualizationRequest Profile(IReadOnlyList<ResultColumn> columns, ReadOnlyMemory<byte> rowsJson, string? question)
    {
        using var document = JsonDocument.Parse(rowsJson);
        var rows = document.RootElement;
        var distinct = columns.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var nulls = new long[columns.Count];
        var minimum = new JsonElement?[columns.Count];
        var maximum = new JsonElement?[columns.Count];
        var maxLength = new int?[columns.Count];
        var sample = new List<IReadOnlyList<object?>>();
        long rowCount = 0;
        foreach (var row in rows.EnumerateArray())
        {
            rowCount++;
            var values = sample.Count < SampleRows ? new object?[columns.Count] : null;
            var c = 0;
            foreach (var value in row.EnumerateArray())
            {
                if (c >= columns.Count)
                {
                    break;
                }

                Observe(columns[c].Kind, value, c, distinct, nulls, minimum, maximum, maxLength);
                if (values is not null)
                {
                    values[c] = ToWireValue(value);
                }

                c++;
            }

            if (values is not null)
            {
                sample.Add(values);
            }
        }

        var profiles = columns.Select((column, i) => new ColumnProfile(
            column.Name,
            column.SqlType,
            column.Kind,
            distinct[i].Count,
            nulls[i],
            minimum[i] is { } min ? ToWireValue(min) : null,
            maximum[i] is { } max ? ToWireValue(max) : null,
            maxLength[i])).ToList();
        return new VisualizationRequest(profiles, rowCount, sample, question);
    }

    private static void Observe(
        ValueKind kind,
        JsonElement value,
        int column,
        HashSet<string>[] distinct,
        long[] nulls,
        JsonElement?[] minimum,
        JsonElement?[] maximum,
        int?[] maxLength)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            nulls[column]++;
            return;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        distinct[column].Add(text);
        if (value.ValueKind == JsonValueKind.String)
        {
            maxLength[column] = Math.Max(maxLength[column] ?? 0, text.Length);
        }

        if (IsOrdered(kind) && (minimum[column] is not { } min || Compare(value, min) < 0))
        {
            minimum[column] = value;
        }

        if (IsOrdered(kind) && (maximum[column] is not { } max || Compare(value, max) > 0))
        {
            maximum[column] = value;
        }
    }

    private static bool IsOrdered(ValueKind kind) => kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float
        or ValueKind.Date or ValueKind.Timestamp or ValueKind.TimestampWithTimeZone or ValueKind.Time;

    // Numbers compare as numbers; ISO-8601 dates and times compare as text (offsets aside, which is close enough for a range).
    private static int Compare(JsonElement left, JsonElement right) =>
        left.ValueKind == JsonValueKind.Number && right.ValueKind == JsonValueKind.Number
            ? left.GetDouble().CompareTo(right.GetDouble())
            : string.CompareOrdinal(left.ToString(), right.ToString());

    private static object? ToWireValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : double.Parse(value.GetRawText(), CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
