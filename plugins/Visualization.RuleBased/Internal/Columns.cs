using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Visualization.RuleBased.Internal;

/// <summary>What a column can be on a chart.</summary>
internal enum ColumnRole
{
    /// <summary>A point in time: an axis for lines.</summary>
    Temporal,

    /// <summary>Labels to group by: text, booleans, low-cardinality integers.</summary>
    Category,

    /// <summary>Numbers to plot.</summary>
    Measure,

    /// <summary>A key: usable as a label, never plotted as a number.</summary>
    Identifier,

    /// <summary>Nothing a chart can show (binary, lists, structs, maps, intervals, times of day).</summary>
    Unusable,
}

/// <summary>A result column with the role the rules gave it.</summary>
internal sealed record Column(int Index, ColumnProfile Profile, ColumnRole Role, FieldType FieldType)
{
    public string Name => Profile.Name;

    public string Title { get; } = Naming.Title(Profile.Name);

    public IReadOnlyList<string> Words { get; } = Naming.Words(Profile.Name);

    public Column As(ColumnRole role, FieldType type) => this with { Role = role, FieldType = type };
}

/// <summary>Gives each column of a request its role.</summary>
internal static partial class Columns
{
    private static readonly HashSet<string> IdentifierWords = new(StringComparer.Ordinal) { "id", "uuid", "guid", "key" };
    private static readonly HashSet<string> KeyLikeWords = new(StringComparer.Ordinal) { "number", "no", "num", "code" };

    /// <summary>Words that say a number is an amount, so it stays a measure even when it looks like a key.</summary>
    internal static readonly HashSet<string> MeasureWords = new(StringComparer.Ordinal)
    {
        "count", "total", "sum", "avg", "average", "mean", "median", "min", "max", "amount", "revenue", "sales", "qty",
        "quantity", "price", "cost", "value", "profit", "margin", "rate", "pct", "percent", "percentage", "share", "score",
        "n", "orders", "units", "spend", "income", "balance", "volume", "duration", "size", "weight",
    };

    public static IReadOnlyList<Column> Classify(VisualizationRequest request)
    {
        var columns = new List<Column>(request.Columns.Count);
        for (var i = 0; i < request.Columns.Count; i++)
        {
            columns.Add(Classify(i, request.Columns[i], request));
        }

        return columns;
    }

    private static Column Classify(int index, ColumnProfile profile, VisualizationRequest request)
    {
        var words = Naming.Words(profile.Name);
        switch (profile.Kind)
        {
            case ValueKind.Date or ValueKind.Timestamp or ValueKind.TimestampWithTimeZone:
                return new Column(index, profile, ColumnRole.Temporal, FieldType.Temporal);

            case ValueKind.Integer or ValueKind.Decimal or ValueKind.Float:
                if (profile.Kind == ValueKind.Integer && IntegerPeriod(profile, words, index, request))
                {
                    return new Column(index, profile, ColumnRole.Temporal, FieldType.Ordinal);
                }

                if (words.Count > 0 && words.Contains("year"))
                {
                    // A year out of range is still no amount to add up.
                    return new Column(index, profile, ColumnRole.Category, FieldType.Ordinal);
                }

                if (IsIdentifier(profile, words, request.RowCount))
                {
                    return new Column(index, profile, ColumnRole.Identifier, FieldType.Nominal);
                }

                return new Column(index, profile, ColumnRole.Measure, FieldType.Quantitative);

            case ValueKind.Text:
                var period = TextPeriod(words, index, request);
                if (period is not null)
                {
                    return new Column(index, profile, ColumnRole.Temporal, period.Value);
                }

                return words.Count > 0 && IdentifierWords.Contains(words[^1])
                    ? new Column(index, profile, ColumnRole.Identifier, FieldType.Nominal)
                    : new Column(index, profile, ColumnRole.Category, FieldType.Nominal);

            case ValueKind.Boolean or ValueKind.Unknown:
                return new Column(index, profile, ColumnRole.Category, FieldType.Nominal);

            case ValueKind.Uuid:
                return new Column(index, profile, ColumnRole.Identifier, FieldType.Nominal);

            default:
                return new Column(index, profile, ColumnRole.Unusable, FieldType.Nominal);
        }
    }

    private static bool IsIdentifier(ColumnProfile profile, IReadOnlyList<string> words, long rowCount)
    {
        if (words.Count == 0 || profile.Kind != ValueKind.Integer)
        {
            return false;
        }

        var last = words[^1];
        if (IdentifierWords.Contains(last))
        {
            return true;
        }

        // "order_number" with one value per row is a key; "number_of_orders" is an amount.
        return KeyLikeWords.Contains(last) && !words.Take(words.Count - 1).Any(MeasureWords.Contains)
            && rowCount > 1 && profile.DistinctCount == rowCount;
    }

    /// <summary>An integer named like a period whose values fit it: years, months 1-12, quarters 1-4, weeks, days.</summary>
    private static bool IntegerPeriod(ColumnProfile profile, IReadOnlyList<string> words, int index, VisualizationRequest request)
    {
        (double Low, double High)? range =
            words.Contains("year") || words.Contains("yr") ? (1000, 9999)
            : words.Contains("quarter") || words.Contains("qtr") ? (1, 4)
            : words.Contains("month") ? (1, 12)
            : words.Contains("week") || words.Contains("wk") ? (0, 53)
            : words.Contains("day") ? (1, 31)
            : null;
        if (range is null)
        {
            return false;
        }

        var (min, max) = (Numbers.ToDouble(profile.Min), Numbers.ToDouble(profile.Max));
        if (min is null || max is null)
        {
            var values = Numbers.SampleValues(request, index).ToList();
            if (values.Count == 0)
            {
                return false;
            }

            (min, max) = (values.Min(), values.Max());
        }

        return min >= range.Value.Low && max <= range.Value.High;
    }

    private static readonly HashSet<string> PeriodWords = new(StringComparer.Ordinal)
    {
        "year", "yr", "month", "quarter", "qtr", "week", "wk", "day", "date", "period", "dt",
    };

    /// <summary>
    /// A text column named like a period whose sample values are all dates or periods: ISO dates and months read as
    /// time; years, quarters and weeks ("2024", "2024-Q1", "2024-W05") as ordered labels, which sort as text.
    /// </summary>
    private static FieldType? TextPeriod(IReadOnlyList<string> words, int index, VisualizationRequest request)
    {
        if (!words.Any(PeriodWords.Contains))
        {
            return null;
        }

        var values = request.Sample
            .Select(row => index < row.Count ? row[index] : null)
            .OfType<object>()
            .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")
            .ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (values.All(v => IsoDate().IsMatch(v)))
        {
            return FieldType.Temporal;
        }

        return values.All(v => PeriodLabel().IsMatch(v)) ? FieldType.Ordinal : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}.*)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{4}|\d{4}[- ]?Q[1-4]|\d{4}-W\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PeriodLabel();
}

/// <summary>Reads wire values as numbers.</summary>
internal static class Numbers
{
    public static double? ToDouble(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        decimal m => (double)m,
        long or int or short or sbyte or byte or ushort or uint or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } e => Parse(e.GetString()),
        string s => Parse(s),
        _ => null,
    };

    public static IEnumerable<double> SampleValues(VisualizationRequest request, int index) =>
        request.Sample
            .Select(row => index < row.Count ? ToDouble(row[index]) : null)
            .Where(v => v is not null)
            .Select(v => v!.Value);

    private static double? Parse(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
