using System.Globalization;
using System.Text;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Compilation;

/// <summary>Writes a <see cref="SemanticQueryPlan"/> as SQL text, laid out the same way every time.</summary>
internal static class SemanticSqlWriter
{
    private const string Indent = "  ";
    private const string KeysAlias = SemanticModelRules.ReservedPrefix + "keys";
    private const string UnitsAlias = SemanticModelRules.ReservedPrefix + "units";
    private const string Combined = SemanticModelRules.ReservedPrefix + "combined";

    public static string Write(SemanticQueryPlan plan)
    {
        var lines = plan.FanOutUnits.Count == 0 ? Single(plan) : Split(plan);
        return string.Join('\n', lines);
    }

    /// <summary>One SELECT over the joins: no measure is repeated by them.</summary>
    private static List<string> Single(SemanticQueryPlan plan)
    {
        string Sql(SemanticMeasure measure) => DerivedMeasures.Expand(measure, plan.Index, AggregateSql);

        var lines = new List<string> { "SELECT" };
        lines.AddRange(List(
            plan.Dimensions.Select(d => $"{d.Sql} AS {Quote(d.Column)}")
                .Concat(plan.Measures.Select(m => $"{Sql(m)} AS {Quote(m.Name)}"))));
        lines.AddRange(From(plan));
        lines.AddRange(Where(plan.DimensionFilters));
        lines.AddRange(GroupBy(plan.Dimensions.Count));
        lines.AddRange(Conditions("HAVING", plan.MeasureFilters.Select(f => $"{SqlFragment.Parenthesize(Sql(f.Measure))} {f.Comparison}")));
        lines.AddRange(OrderAndLimit(plan, Sql));
        return lines;
    }

    /// <summary>
    /// Measures a join would repeat are computed per unit: the main join computes the others, each fanned-out entity
    /// computes its own over the distinct keys the joins select, and the units meet on the dimension columns.
    /// </summary>
    private static List<string> Split(SemanticQueryPlan plan)
    {
        var hidden = plan.BaseMeasures.Select((m, i) => (m, Name: $"{SemanticModelRules.ReservedPrefix}m{i + 1}"))
            .ToDictionary(p => p.m, p => p.Name);
        var units = new List<(string Name, IReadOnlyList<SemanticMeasure> Measures, List<string> Body)>();
        if (plan.RootMeasures.Count > 0)
        {
            units.Add(("", plan.RootMeasures, RootUnit(plan, hidden)));
        }

        foreach (var unit in plan.FanOutUnits)
        {
            units.Add(("", unit.Measures, FanOutUnit(plan, unit, hidden)));
        }

        units = units.Select((u, i) => ($"{SemanticModelRules.ReservedPrefix}unit_{i + 1}", u.Measures, u.Body)).ToList();

        var lines = new List<string>();
        for (var i = 0; i < units.Count; i++)
        {
            lines.Add($"{(i == 0 ? "WITH " : ", ")}{units[i].Name} AS (");
            lines.AddRange(Indented(units[i].Body));
            lines.Add(")");
        }

        var dimensions = plan.Dimensions.Select(d => Quote(d.Column)).ToList();
        string source;
        if (units.Count == 1)
        {
            source = units[0].Name;
        }
        else
        {
            source = Combined;
            lines.Add($", {Combined} AS (");
            lines.AddRange(Indented(CombineUnits(plan, units.Select(u => (u.Name, u.Measures)).ToList(), hidden)));
            lines.Add(")");
        }

        string Sql(SemanticMeasure measure) => DerivedMeasures.Expand(measure, plan.Index, m => Quote(hidden[m]));

        lines.Add("SELECT");
        lines.AddRange(List(dimensions.Concat(plan.Measures.Select(m => $"{Sql(m)} AS {Quote(m.Name)}"))));
        lines.Add($"FROM {source}");
        lines.AddRange(Where(plan.MeasureFilters.Select(f => $"{SqlFragment.Parenthesize(Sql(f.Measure))} {f.Comparison}")));
        lines.AddRange(OrderAndLimit(plan, Sql));
        return lines;
    }

    private static List<string> RootUnit(SemanticQueryPlan plan, Dictionary<SemanticMeasure, string> hidden)
    {
        var lines = new List<string> { "SELECT" };
        lines.AddRange(List(
            plan.Dimensions.Select(d => $"{d.Sql} AS {Quote(d.Column)}")
                .Concat(plan.RootMeasures.Select(m => $"{AggregateSql(m)} AS {Quote(hidden[m])}"))));
        lines.AddRange(From(plan));
        lines.AddRange(Where(plan.DimensionFilters));
        lines.AddRange(GroupBy(plan.Dimensions.Count));
        return lines;
    }

    private static List<string> FanOutUnit(SemanticQueryPlan plan, FanOutUnit unit, Dictionary<SemanticMeasure, string> hidden)
    {
        var entity = unit.Entity;
        var keys = entity.PrimaryKey.Select((column, i) => (Column: column, Name: $"{SemanticModelRules.ReservedPrefix}k{i + 1}")).ToList();

        var distinct = new List<string> { "SELECT DISTINCT" };
        distinct.AddRange(List(
            keys.Select(k => $"{entity.Alias}.{k.Column} AS {Quote(k.Name)}")
                .Concat(plan.Dimensions.Select(d => $"{d.Sql} AS {Quote(d.Column)}"))));
        distinct.AddRange(From(plan));
        distinct.AddRange(Where(plan.DimensionFilters));

        var lines = new List<string> { "SELECT" };
        lines.AddRange(List(
            plan.Dimensions.Select(d => $"{KeysAlias}.{Quote(d.Column)} AS {Quote(d.Column)}")
                .Concat(unit.Measures.Select(m => $"{AggregateSql(m)} AS {Quote(hidden[m])}"))));
        lines.Add("FROM (");
        lines.AddRange(Indented(distinct));
        lines.Add($") {KeysAlias}");
        lines.Add($"JOIN {entity.Table} {entity.Alias} ON "
            + string.Join(" AND ", keys.Select(k => $"{entity.Alias}.{k.Column} = {KeysAlias}.{Quote(k.Name)}")));
        lines.AddRange(unit.Joins.Select(step => Join(plan, step)));
        lines.AddRange(GroupBy(plan.Dimensions.Count));
        return lines;
    }

    // UNION ALL and GROUP BY rather than FULL JOIN: grouping treats NULL dimension values as equal on every dialect,
    // where PostgreSQL cannot FULL JOIN on IS NOT DISTINCT FROM. Each unit has one row per group, so MAX picks it.
    private static List<string> CombineUnits(
        SemanticQueryPlan plan,
        List<(string Name, IReadOnlyList<SemanticMeasure> Measures)> units,
        Dictionary<SemanticMeasure, string> hidden)
    {
        var dimensions = plan.Dimensions.Select(d => Quote(d.Column)).ToList();
        var lines = new List<string> { "SELECT" };
        lines.AddRange(List(dimensions.Concat(plan.BaseMeasures.Select(m => $"MAX({Quote(hidden[m])}) AS {Quote(hidden[m])}"))));
        lines.Add("FROM (");
        for (var i = 0; i < units.Count; i++)
        {
            var columns = dimensions.Concat(plan.BaseMeasures.Select(m =>
                units[i].Measures.Contains(m) ? Quote(hidden[m]) : $"NULL AS {Quote(hidden[m])}"));
            if (i > 0)
            {
                lines.Add($"{Indent}UNION ALL");
            }

            lines.Add($"{Indent}SELECT {string.Join(", ", columns)} FROM {units[i].Name}");
        }

        lines.Add($") {UnitsAlias}");
        lines.AddRange(GroupBy(plan.Dimensions.Count));
        return lines;
    }

    /// <summary>A base measure's aggregate, its filter moved inside each aggregate as a CASE.</summary>
    private static string AggregateSql(SemanticMeasure measure)
    {
        var expression = measure.Expression.Trim();
        return string.IsNullOrWhiteSpace(measure.Filter)
            ? expression
            : SqlFragment.Parse(expression).WithAggregateCondition(measure.Filter.Trim());
    }

    private static IEnumerable<string> From(SemanticQueryPlan plan)
    {
        yield return $"FROM {plan.Root.Table} {plan.Root.Alias}";
        foreach (var step in plan.Joins)
        {
            yield return Join(plan, step);
        }
    }

    private static string Join(SemanticQueryPlan plan, JoinStep step)
    {
        var from = plan.Index.Entity(step.From)!;
        var to = plan.Index.Entity(step.To)!;
        return $"JOIN {to.Table} {to.Alias} ON {step.Condition(from.Alias, to.Alias)}";
    }

    private static IEnumerable<string> Where(IEnumerable<string> conditions) => Conditions("WHERE", conditions);

    private static IEnumerable<string> Conditions(string keyword, IEnumerable<string> conditions) =>
        conditions.Select((condition, i) => i == 0 ? $"{keyword} {condition}" : $"{Indent}AND {condition}");

    private static IEnumerable<string> GroupBy(int dimensions) => dimensions == 0
        ? []
        : [$"GROUP BY {string.Join(", ", Enumerable.Range(1, dimensions).Select(i => i.ToString(CultureInfo.InvariantCulture)))}"];

    private static IEnumerable<string> OrderAndLimit(SemanticQueryPlan plan, Func<SemanticMeasure, string> measureSql)
    {
        if (plan.Order.Count > 0)
        {
            // NULLS LAST on every dialect: PostgreSQL would otherwise put NULLs first in descending order.
            yield return "ORDER BY " + string.Join(", ", plan.Order.Select(o =>
                $"{(o.Column is not null ? Quote(o.Column) : SqlFragment.Parenthesize(measureSql(o.Measure!)))} {(o.Descending ? "DESC" : "ASC")} NULLS LAST"));
        }

        if (plan.Limit is { } limit)
        {
            yield return $"LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";
        }
    }

    private static IEnumerable<string> List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Select((item, i) => $"{Indent}{item}{(i < all.Count - 1 ? "," : string.Empty)}");
    }

    private static IEnumerable<string> Indented(IEnumerable<string> lines) => lines.Select(line => Indent + line);

    internal static string Quote(string identifier)
    {
        var builder = new StringBuilder(identifier.Length + 2).Append('"');
        builder.Append(identifier.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
