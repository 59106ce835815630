using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Tests.Support;

/// <summary>
/// A query as one readable line, so expectations read like the query they describe:
/// <c>revenue by region, order_date:month where country in (Germany, France) and order_date between 2024-01-01 and 2024-12-31 order by revenue desc limit 5</c>.
/// </summary>
internal static class QueryText
{
    public static string Of(SemanticQuery query)
    {
        var parts = new List<string> { query.Measures.Count == 0 ? "(no measure)" : string.Join(", ", query.Measures) };
        if (query.Dimensions.Count > 0)
        {
            parts.Add("by " + string.Join(", ", query.Dimensions.Select(d => d.Grain is { } g ? $"{d.Name}:{g.ToString().ToLowerInvariant()}" : d.Name)));
        }

        if (query.Filters.Count > 0)
        {
            parts.Add("where " + string.Join(" and ", query.Filters.Select(Filter)));
        }

        if (query.OrderBy.Count > 0)
        {
            parts.Add("order by " + string.Join(", ", query.OrderBy.Select(o => $"{o.Field} {(o.Descending ? "desc" : "asc")}")));
        }

        if (query.Limit is { } limit)
        {
            parts.Add($"limit {limit}");
        }

        return string.Join(' ', parts);
    }

    private static string Filter(SemanticFilter filter) => filter.Operator switch
    {
        FilterOperator.Equals => $"{filter.Field} = {filter.Values.Single()}",
        FilterOperator.In => $"{filter.Field} in ({string.Join(", ", filter.Values)})",
        FilterOperator.Between => $"{filter.Field} between {filter.Values[0]} and {filter.Values[1]}",
        _ => $"{filter.Field} {filter.Operator} ({string.Join(", ", filter.Values)})",
    };
}
