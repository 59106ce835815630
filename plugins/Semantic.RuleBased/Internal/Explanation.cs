using System.Globalization;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>One line saying how a question was read: "revenue by region, 2024-01-01 to 2024-12-31".</summary>
internal static class Explanation
{
    public static string Describe(SemanticQuery query, SemanticModel model)
    {
        var primaryTime = model.Dimensions.FirstOrDefault(d => d.Type == DimensionType.Time)?.Name;
        var head = query.Measures.Count > 0
            ? Naming.List(query.Measures.Select(Naming.Display))
            : "list of";
        var dimensions = query.Dimensions.Select(d => d.Grain is { } grain
            ? $"{Naming.Display(d.Name)} ({grain.ToString().ToLowerInvariant()})"
            : Naming.Display(d.Name)).ToList();
        if (dimensions.Count > 0)
        {
            head = query.Measures.Count > 0 ? $"{head} by {Naming.List(dimensions)}" : $"{head} {Naming.List(dimensions)}";
        }

        var parts = new List<string> { head };
        foreach (var filter in query.Filters)
        {
            var field = Naming.Display(filter.Field);
            parts.Add(filter.Operator switch
            {
                FilterOperator.Between when filter.Field == primaryTime => $"{filter.Values[0]} to {filter.Values[1]}",
                FilterOperator.Between => $"{field} {filter.Values[0]} to {filter.Values[1]}",
                FilterOperator.Equals => $"{field} = {filter.Values[0]}",
                _ => $"{field} in ({string.Join(", ", filter.Values)})",
            });
        }

        if (query.OrderBy.Count > 0)
        {
            var order = query.OrderBy[0];
            parts.Add(query.Limit is { } limit
                ? $"{(order.Descending ? "top" : "bottom")} {limit.ToString(CultureInfo.InvariantCulture)} by {Naming.Display(order.Field)}"
                : $"sorted by {string.Join(", ", query.OrderBy.Select(o => $"{Naming.Display(o.Field)} {(o.Descending ? "descending" : "ascending")}"))}");
        }

        return string.Join(", ", parts);
    }
}
