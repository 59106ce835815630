namespace Kurobe.Plugins.Abstractions.Visualization;

/// <summary>A result's shape and meaning, for choosing a chart.</summary>
/// <param name="Columns">The result's columns with statistics over the whole result.</param>
/// <param name="RowCount">How many rows the result has.</param>
/// <param name="Sample">Up to a few hundred rows, values in column order (wire values: numbers, strings, dates as ISO-8601 strings).</param>
/// <param name="Question">The question that produced the result, when there was one.</param>
public sealed record VisualizationRequest(
    IReadOnlyList<ColumnProfile> Columns,
    long RowCount,
    IReadOnlyList<IReadOnlyList<object?>> Sample,
    string? Question);

/// <summary>One result column and what its values look like.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="SqlType">The engine's type name.</param>
/// <param name="Kind">The engine-independent kind of the values.</param>
/// <param name="DistinctCount">How many distinct non-null values the column has (in the whole result).</param>
/// <param name="NullCount">How many values are null.</param>
/// <param name="Min">The smallest value, for numbers and temporal kinds, as a wire value.</param>
/// <param name="Max">The largest value, for numbers and temporal kinds, as a wire value.</param>
/// <param name="MaxLength">The longest text value, in characters, for text columns.</param>
public sealed record ColumnProfile(
    string Name,
    string SqlType,
    ValueKind Kind,
    long DistinctCount,
    long NullCount,
    object? Min = null,
    object? Max = null,
    int? MaxLength = null);
