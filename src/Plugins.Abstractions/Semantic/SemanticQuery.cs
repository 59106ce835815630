namespace Kurobe.Plugins.Abstractions.Semantic;

/// <summary>A question in the model's terms: what to measure, by what, for which rows, in which order.</summary>
/// <param name="Measures">Measure names, at least one.</param>
/// <param name="Dimensions">What to group by.</param>
/// <param name="Filters">Conditions on dimensions, all of which must hold.</param>
/// <param name="OrderBy">Sorting, by measure or dimension name.</param>
/// <param name="Limit">The most rows, for "top 10" questions.</param>
public sealed record SemanticQuery(
    IReadOnlyList<string> Measures,
    IReadOnlyList<DimensionRef> Dimensions,
    IReadOnlyList<SemanticFilter> Filters,
    IReadOnlyList<SemanticOrder> OrderBy,
    int? Limit);

/// <summary>A dimension to group by, truncated to a grain when it is a time dimension.</summary>
/// <param name="Name">The dimension's name.</param>
/// <param name="Grain">The time grain, for time dimensions.</param>
public sealed record DimensionRef(string Name, TimeGrain? Grain = null);

/// <summary>How a filter compares.</summary>
public enum FilterOperator
{
    /// <summary>Equal to the one value.</summary>
    Equals,

    /// <summary>Not equal to the one value.</summary>
    NotEquals,

    /// <summary>One of the values.</summary>
    In,

    /// <summary>None of the values.</summary>
    NotIn,

    /// <summary>Greater than the one value.</summary>
    GreaterThan,

    /// <summary>Greater than or equal to the one value.</summary>
    GreaterThanOrEqual,

    /// <summary>Less than the one value.</summary>
    LessThan,

    /// <summary>Less than or equal to the one value.</summary>
    LessThanOrEqual,

    /// <summary>From the first value to the second, both included (SQL <c>BETWEEN</c>); for ranges such as dates.</summary>
    Between,
}

/// <summary>A condition on a dimension (or, after aggregation, a measure).</summary>
/// <param name="Field">The dimension or measure name.</param>
/// <param name="Operator">How to compare.</param>
/// <param name="Values">The values compared with, as text in the dimension's natural form (ISO-8601 for dates).</param>
public sealed record SemanticFilter(string Field, FilterOperator Operator, IReadOnlyList<string> Values);

/// <summary>A sort key.</summary>
/// <param name="Field">A measure or dimension name in the query.</param>
/// <param name="Descending">True for largest first.</param>
public sealed record SemanticOrder(string Field, bool Descending);
