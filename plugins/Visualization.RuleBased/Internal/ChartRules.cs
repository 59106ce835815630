using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Visualization.RuleBased.Internal;

/// <summary>The rules, in the order they are tried; the plugin's README states them in prose.</summary>
internal static class ChartRules
{
    /// <summary>More columns than this make a result too wide for one chart.</summary>
    public const int MaxChartColumns = 6;

    /// <summary>More categories than this make bars, series or heatmap rows unreadable.</summary>
    public const int MaxCategories = 50;

    /// <summary>More bars than this, or labels longer than <see cref="MaxVerticalLabelLength"/>, lay bars on their side.</summary>
    public const int MaxVerticalBars = 12;

    public const int MaxVerticalLabelLength = 12;

    /// <summary>A pie has between <see cref="MinPieSlices"/> and <see cref="MaxPieSlices"/> slices.</summary>
    public const int MinPieSlices = 2;

    public const int MaxPieSlices = 6;

    /// <summary>A second category with at most this many values groups bars; more makes a heatmap.</summary>
    public const int MaxGroupsPerBar = 5;

    /// <summary>At most this many lines in one line chart, or colours in a stacked bar.</summary>
    public const int MaxSeries = 20;

    /// <summary>At most this many measures drawn as lines over the same time axis.</summary>
    public const int MaxFoldedMeasures = 4;

    /// <summary>A label with at most this many values colours scatter points; more is a tooltip.</summary>
    public const int MaxScatterColors = 10;

    private static readonly string[] ShareWords =
    [
        "share", "shares", "proportion", "proportions", "percent", "percentage", "percentages", "pct", "breakdown",
        "split", "distribution", "fraction", "part of the whole",
    ];

    private static readonly HashSet<string> ShareMeasureWords = new(StringComparer.Ordinal)
    {
        "share", "pct", "percent", "percentage", "proportion", "fraction",
    };

    private static readonly string[] CumulativeQuestionWords =
    [
        "cumulative", "cumulatively", "running total", "running sum", "running count", "to date", "ytd", "mtd", "qtd",
        "accumulated",
    ];

    private static readonly HashSet<string> CumulativeMeasureWords = new(StringComparer.Ordinal)
    {
        "cumulative", "cum", "running", "ytd", "mtd", "qtd", "accumulated",
    };

    private static readonly string[] StackedWords = ["stacked", "stack", "composition", "mix", "made up of"];

    public static ChartPlan Choose(VisualizationRequest request)
    {
        var columns = Columns.Classify(request);
        if (request.RowCount <= 0 || columns.Count == 0)
        {
            return Table(request, columns, "The result has no rows, so there is nothing to chart.");
        }

        if (columns.Count > MaxChartColumns)
        {
            return Table(request, columns, $"With {columns.Count} columns the result is too wide for one chart.");
        }

        var measures = columns.Where(c => c.Role == ColumnRole.Measure).ToList();
        if (measures.Count == 0)
        {
            return Table(request, columns, "The result has no numeric measure to plot.");
        }

        if (request.RowCount == 1)
        {
            return measures.Count == 1
                ? Kpi(request, measures[0])
                : Table(request, columns, "A single row of several measures reads best as a table.");
        }

        var temporals = columns.Where(c => c.Role == ColumnRole.Temporal).ToList();
        var categories = columns.Where(c => c.Role == ColumnRole.Category).ToList();
        // Keys name rows only when nothing better does: "customer_id, customer_name, total" is bars by name.
        var labels = categories.Count > 0 ? categories : columns.Where(c => c.Role == ColumnRole.Identifier).ToList();

        if (temporals.Count > 0)
        {
            return OverTime(request, columns, temporals, labels, measures);
        }

        return (labels.Count, measures.Count) switch
        {
            (0, 2) => TwoMeasures(request, columns, measures[0], measures[1]),
            (1, 1) => CategoryBars(request, columns, labels[0], measures[0]),
            (1, 2) => Scatter(request, measures[0], measures[1], labels[0]),
            (2, 1) => TwoCategories(request, columns, labels[0], labels[1], measures[0]),
            (0, 1) => Table(request, columns, "One measure without a category or time to plot it against reads best as a table."),
            _ => Table(request, columns, $"No chart fits {measures.Count} measures over {labels.Count} categories."),
        };
    }

    private static ChartPlan Kpi(VisualizationRequest request, Column measure) =>
        new(ChartKind.Kpi, TitleOr(request, measure.Title), $"The result is a single number: {Naming.Lower(measure.Title)}.")
        {
            Value = measure,
        };

    private static ChartPlan OverTime(
        VisualizationRequest request,
        IReadOnlyList<Column> columns,
        List<Column> temporals,
        List<Column> labels,
        List<Column> measures)
    {
        // The finest period is the axis; coarser ones ("year" beside "month") become series.
        var x = temporals.OrderByDescending(t => t.Profile.DistinctCount).ThenBy(t => t.Index).First();
        var series = temporals.Where(t => t != x).Select(t => t.As(ColumnRole.Category, FieldType.Ordinal)).Concat(labels).ToList();
        var xTitle = Naming.Lower(x.Title);

        if (series.Count == 0 && measures.Count == 1)
        {
            var measure = measures[0];
            var title = TitleOr(request, $"{measure.Title} over {xTitle}");
            return IsCumulative(measure, request.Question)
                ? new ChartPlan(ChartKind.Area, title, $"{measure.Title} accumulates over {xTitle}, so an area shows the running total.") { X = x, Y = measure }
                : new ChartPlan(ChartKind.Line, title, $"{measure.Title} changes over {xTitle}, which a line shows best.") { X = x, Y = measure };
        }

        if (series.Count == 0 && measures.Count <= MaxFoldedMeasures)
        {
            var names = JoinTitles(measures);
            return new ChartPlan(ChartKind.Line, TitleOr(request, $"{names} over {xTitle}"), $"{names} change over {xTitle}; each measure is one line.")
            {
                X = x,
                Y = measures[0],
                Folded = measures,
            };
        }

        if (series.Count == 1 && measures.Count == 1 && series[0].Profile.DistinctCount <= MaxSeries)
        {
            var measure = measures[0];
            var by = series[0];
            return new ChartPlan(
                ChartKind.Line,
                TitleOr(request, $"{measure.Title} over {xTitle} by {Naming.Lower(by.Title)}"),
                $"{measure.Title} changes over {xTitle}, with one line per {Naming.Lower(by.Title)}.")
            {
                X = x,
                Y = measures[0],
                Series = by,
            };
        }

        return Table(request, columns, $"Too many series over {xTitle} to draw as lines.");
    }

    private static ChartPlan TwoMeasures(VisualizationRequest request, IReadOnlyList<Column> columns, Column first, Column second)
    {
        // A GROUP BY key such as "rating" with one row per value is a category, not a second measure.
        var firstIsKey = LooksLikeGroupKey(first, request.RowCount);
        var secondIsKey = LooksLikeGroupKey(second, request.RowCount);
        if (firstIsKey != secondIsKey)
        {
            var (key, measure) = firstIsKey ? (first, second) : (second, first);
            return CategoryBars(request, columns, key.As(ColumnRole.Category, FieldType.Ordinal), measure);
        }

        return Scatter(request, first, second, label: null);
    }

    private static bool LooksLikeGroupKey(Column column, long rowCount) =>
        column.Profile.Kind == ValueKind.Integer
        && !column.Words.Any(Columns.MeasureWords.Contains)
        && column.Profile.DistinctCount == rowCount
        && rowCount <= MaxCategories;

    private static ChartPlan CategoryBars(VisualizationRequest request, IReadOnlyList<Column> columns, Column category, Column measure)
    {
        var count = category.Profile.DistinctCount;
        var by = Naming.Lower(category.Title);
        if (count > MaxCategories)
        {
            return Table(request, columns, $"{count} values of {by} are too many to compare as bars.");
        }

        var title = TitleOr(request, $"{measure.Title} by {by}");
        if (count is >= MinPieSlices and <= MaxPieSlices
            && IsNonNegative(request, measure)
            && (Naming.MentionsAny(request.Question, ShareWords) || measure.Words.Any(ShareMeasureWords.Contains)))
        {
            return new ChartPlan(ChartKind.Pie, title, $"{count} values of {by} make up a whole, so a pie shows each one's share of {Naming.Lower(measure.Title)}.")
            {
                Series = category,
                Value = measure,
            };
        }

        if (count > MaxVerticalBars || category.Profile.MaxLength > MaxVerticalLabelLength)
        {
            var why = count > MaxVerticalBars ? $"{count} categories" : "long labels";
            return new ChartPlan(ChartKind.HorizontalBar, title, $"Horizontal bars compare {Naming.Lower(measure.Title)} by {by} and leave room for {why}.")
            {
                X = measure,
                Y = category,
            };
        }

        return new ChartPlan(ChartKind.Bar, title, $"Bars compare {Naming.Lower(measure.Title)} across {count} values of {by}.")
        {
            X = category,
            Y = measure,
        };
    }

    private static ChartPlan Scatter(VisualizationRequest request, Column x, Column y, Column? label)
    {
        var title = TitleOr(request, $"{x.Title} vs {Naming.Lower(y.Title)}");
        var reason = $"Two measures, {Naming.Lower(x.Title)} and {Naming.Lower(y.Title)}, plotted against each other show how they relate.";
        if (label is not null && label.Profile.DistinctCount <= MaxScatterColors && label.Profile.DistinctCount < request.RowCount)
        {
            return new ChartPlan(ChartKind.Scatter, title, reason) { X = x, Y = y, Series = label };
        }

        return new ChartPlan(ChartKind.Scatter, title, reason) { X = x, Y = y, Label = label };
    }

    private static ChartPlan TwoCategories(VisualizationRequest request, IReadOnlyList<Column> columns, Column first, Column second, Column measure)
    {
        if (first.Profile.DistinctCount > MaxCategories || second.Profile.DistinctCount > MaxCategories)
        {
            return Table(request, columns, "The categories have too many values to chart.");
        }

        // The category with fewer values groups, stacks or colours; the other is the axis.
        var (axis, groups) = second.Profile.DistinctCount <= first.Profile.DistinctCount ? (first, second) : (second, first);
        var title = TitleOr(request, $"{measure.Title} by {Naming.Lower(axis.Title)} and {Naming.Lower(groups.Title)}");
        var m = Naming.Lower(measure.Title);
        var (a, g) = (Naming.Lower(axis.Title), Naming.Lower(groups.Title));

        if (Naming.MentionsAny(request.Question, StackedWords) && groups.Profile.DistinctCount <= MaxSeries)
        {
            return new ChartPlan(ChartKind.StackedBar, title, $"Stacked bars show how each {g} makes up {m} per {a}.")
            {
                X = axis,
                Y = measure,
                Series = groups,
            };
        }

        if (groups.Profile.DistinctCount <= MaxGroupsPerBar)
        {
            return new ChartPlan(ChartKind.GroupedBar, title, $"Grouped bars compare {m} per {a} across {groups.Profile.DistinctCount} values of {g}.")
            {
                X = axis,
                Y = measure,
                Series = groups,
                Value = null,
            };
        }

        return new ChartPlan(ChartKind.Heatmap, title, $"A heatmap shows {m} over {a} and {g}, both of which have many values.")
        {
            X = axis,
            Y = groups,
            Value = measure,
        };
    }

    private static ChartPlan Table(VisualizationRequest request, IReadOnlyList<Column> columns, string reason) =>
        new(ChartKind.Table, TitleOr(request, "Query result"), reason) { TableColumns = columns };

    private static bool IsCumulative(Column measure, string? question) =>
        measure.Words.Any(CumulativeMeasureWords.Contains)
        || Naming.MentionsAny(measure.Name, ["to date"])
        || Naming.MentionsAny(question, CumulativeQuestionWords);

    /// <summary>From the profile's minimum, else the sample; unknown counts as possibly negative.</summary>
    private static bool IsNonNegative(VisualizationRequest request, Column measure)
    {
        var min = Numbers.ToDouble(measure.Profile.Min);
        if (min is not null)
        {
            return min >= 0;
        }

        var values = Numbers.SampleValues(request, measure.Index).ToList();
        return values.Count > 0 && values.All(v => v >= 0);
    }

    private static string TitleOr(VisualizationRequest request, string fallback) =>
        string.IsNullOrWhiteSpace(request.Question) ? fallback : Naming.QuestionTitle(request.Question);

    private static string JoinTitles(IReadOnlyList<Column> measures)
    {
        var titles = measures.Select((m, i) => i == 0 ? m.Title : Naming.Lower(m.Title)).ToList();
        return titles.Count == 1 ? titles[0] : $"{string.Join(", ", titles.Take(titles.Count - 1))} and {titles[^1]}";
    }
}
