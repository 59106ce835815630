using System.Globalization;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Compilation;

/// <summary>A dimension in the output: its column name and the SQL that computes it over entity aliases.</summary>
internal sealed record PlannedDimension(SemanticDimension Dimension, TimeGrain? Grain, string Column, string Sql);

/// <summary>A condition on a measure, applied after aggregation: the measure and the comparison that follows it.</summary>
internal sealed record PlannedMeasureFilter(SemanticMeasure Measure, string Comparison);

/// <summary>A sort key: an output column, or a measure the query does not return.</summary>
internal sealed record PlannedOrder(string? Column, SemanticMeasure? Measure, bool Descending);

/// <summary>
/// Measures computed apart from the main join because it would repeat their entity's rows: their entity, the
/// measures, and the to-one joins from that entity their expressions need.
/// </summary>
internal sealed record FanOutUnit(SemanticEntity Entity, IReadOnlyList<SemanticMeasure> Measures, IReadOnlyList<JoinStep> Joins);

/// <summary>A semantic query resolved against its model: everything the SQL writer needs, checked.</summary>
internal sealed class SemanticQueryPlan
{
    private SemanticQueryPlan(SemanticModelIndex index, SqlDialect dialect)
    {
        Index = index;
        Dialect = dialect;
    }

    public SemanticModelIndex Index { get; }

    public SqlDialect Dialect { get; }

    public List<PlannedDimension> Dimensions { get; } = [];

    public List<SemanticMeasure> Measures { get; } = [];

    public List<string> DimensionFilters { get; } = [];

    private List<string> DimensionFilterFields { get; } = [];

    public List<PlannedMeasureFilter> MeasureFilters { get; } = [];

    public List<PlannedOrder> Order { get; } = [];

    public int? Limit { get; private set; }

    /// <summary>Every non-derived measure the query computes, in order of first use.</summary>
    public List<SemanticMeasure> BaseMeasures { get; } = [];

    public SemanticEntity Root { get; private set; } = null!;

    public IReadOnlyList<JoinStep> Joins { get; private set; } = [];

    /// <summary>Base measures the main join computes; the rest are in <see cref="FanOutUnits"/>.</summary>
    public List<SemanticMeasure> RootMeasures { get; } = [];

    public List<FanOutUnit> FanOutUnits { get; } = [];

    public IReadOnlyList<CompiledColumn> Columns =>
    [
        .. Dimensions.Select(d => new CompiledColumn(d.Column, d.Dimension.Name, CompiledColumnRole.Dimension, d.Grain)),
        .. Measures.Select(m => new CompiledColumn(m.Name, m.Name, CompiledColumnRole.Measure, null)),
    ];

    public static SemanticQueryPlan Create(SemanticModelIndex index, SemanticQuery query, SqlDialect dialect)
    {
        var plan = new SemanticQueryPlan(index, dialect);
        var problems = new List<string>();
        if (query.Measures.Count == 0 && query.Dimensions.Count == 0)
        {
            throw new SemanticQueryException("The query asks for nothing: name at least one measure or dimension.");
        }

        plan.ResolveMeasures(query, problems);
        plan.ResolveDimensions(query, problems);
        plan.ResolveFilters(query, problems);
        plan.ResolveOrder(query, problems);
        if (query.Limit is { } limit)
        {
            if (limit <= 0)
            {
                problems.Add($"The limit must be at least 1 (it is {limit}).");
            }

            plan.Limit = limit;
        }

        if (problems.Count == 0)
        {
            plan.CollectBaseMeasures(problems);
        }

        if (problems.Count == 0)
        {
            plan.PlanJoins(problems);
        }

        return problems.Count > 0 ? throw new SemanticQueryException(problems) : plan;
    }

    private SemanticMeasure? FindMeasure(string name, string role, List<string> problems)
    {
        if (Index.Measures.TryGetValue(name, out var measure))
        {
            return measure;
        }

        var hint = Index.Dimensions.ContainsKey(name)
            ? $" '{name}' is a dimension, not a measure."
            : CloseNames.Hint(name, MeasureWords(), "measures");
        problems.Add($"Unknown measure '{name}'{role}.{hint}");
        return null;
    }

    private IReadOnlyCollection<(string Word, string Name)> MeasureWords() =>
        [.. Index.Model.Measures.SelectMany(m => m.Synonyms.Prepend(m.Name).Select(word => (word, m.Name)))];

    private IReadOnlyCollection<(string Word, string Name)> DimensionWords() =>
        [.. Index.Model.Dimensions.SelectMany(d => d.Synonyms.Prepend(d.Name).Select(word => (word, d.Name)))];

    private void ResolveMeasures(SemanticQuery query, List<string> problems)
    {
        foreach (var name in query.Measures)
        {
            if (FindMeasure(name, string.Empty, problems) is { } measure && !Measures.Contains(measure))
            {
                Measures.Add(measure);
            }
        }
    }

    private void ResolveDimensions(SemanticQuery query, List<string> problems)
    {
        foreach (var reference in query.Dimensions)
        {
            if (!Index.Dimensions.TryGetValue(reference.Name, out var dimension))
            {
                var hint = Index.Measures.ContainsKey(reference.Name)
                    ? $" '{reference.Name}' is a measure, not a dimension."
                    : CloseNames.Hint(reference.Name, DimensionWords(), "dimensions");
                problems.Add($"Unknown dimension '{reference.Name}'.{hint}");
                continue;
            }

            if (reference.Grain is { } grain)
            {
                if (dimension.Type != DimensionType.Time)
                {
                    problems.Add($"The dimension '{dimension.Name}' is {Lower(dimension.Type)}, not time: it has no {Lower(grain)} grain.");
                    continue;
                }

                if (!dimension.TimeGrains.Contains(grain))
                {
                    problems.Add(dimension.TimeGrains.Count == 0
                        ? $"The dimension '{dimension.Name}' cannot be grouped by a time grain."
                        : $"The dimension '{dimension.Name}' has no {Lower(grain)} grain; it has {string.Join(", ", dimension.TimeGrains.Select(Lower))}.");
                    continue;
                }
            }

            var column = reference.Grain is { } g ? $"{dimension.Name}_{Lower(g)}" : dimension.Name;
            if (Dimensions.Any(d => d.Column.Equals(column, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (Measures.Any(m => m.Name.Equals(column, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"The dimension column '{column}' has the same name as the measure '{column}'.");
                continue;
            }

            Dimensions.Add(new PlannedDimension(dimension, reference.Grain, column, DimensionSql(dimension, reference.Grain)));
        }
    }

    private string DimensionSql(SemanticDimension dimension, TimeGrain? grain)
    {
        var expression = dimension.Expression.Trim();
        if (grain is not { } g)
        {
            return expression;
        }

        // PostgreSQL would truncate a DATE as a timestamptz in the session's time zone; a plain timestamp keeps the
        // calendar date whatever the zone.
        var argument = Dialect == SqlDialect.PostgreSql ? $"CAST({expression} AS TIMESTAMP)" : expression;
        return $"CAST(date_trunc('{Lower(g)}', {argument}) AS DATE)";
    }

    private void ResolveFilters(SemanticQuery query, List<string> problems)
    {
        foreach (var filter in query.Filters)
        {
            if (Index.Dimensions.TryGetValue(filter.Field, out var dimension))
            {
                DimensionFilterFields.Add(dimension.Name);
                if (Comparison(filter, dimension.Type, problems) is { } comparison)
                {
                    DimensionFilters.Add($"{SqlFragment.Parenthesize(dimension.Expression.Trim())} {comparison}");
                }
            }
            else if (Index.Measures.TryGetValue(filter.Field, out var measure))
            {
                if (Comparison(filter, DimensionType.Numeric, problems) is { } comparison)
                {
                    MeasureFilters.Add(new PlannedMeasureFilter(measure, comparison));
                }
            }
            else
            {
                problems.Add($"Unknown filter field '{filter.Field}': it is neither a dimension nor a measure."
                    + CloseNames.Hint(filter.Field, [.. DimensionWords(), .. MeasureWords()], "dimensions and measures"));
            }
        }
    }

    private void ResolveOrder(SemanticQuery query, List<string> problems)
    {
        foreach (var order in query.OrderBy)
        {
            if (Measures.FirstOrDefault(m => m.Name.Equals(order.Field, StringComparison.OrdinalIgnoreCase)) is { } selected)
            {
                Order.Add(new PlannedOrder(selected.Name, null, order.Descending));
            }
            else if (Dimensions.FirstOrDefault(d => d.Dimension.Name.Equals(order.Field, StringComparison.OrdinalIgnoreCase)
                         || d.Column.Equals(order.Field, StringComparison.OrdinalIgnoreCase)) is { } dimension)
            {
                Order.Add(new PlannedOrder(dimension.Column, null, order.Descending));
            }
            else if (Index.Measures.TryGetValue(order.Field, out var measure))
            {
                Order.Add(new PlannedOrder(null, measure, order.Descending));
            }
            else if (Index.Dimensions.ContainsKey(order.Field))
            {
                problems.Add($"Cannot order by the dimension '{order.Field}': the query does not group by it; add it to the dimensions.");
            }
            else
            {
                problems.Add($"Unknown order field '{order.Field}'."
                    + CloseNames.Hint(order.Field, [.. Measures.Select(m => (m.Name, m.Name)), .. Dimensions.Select(d => (d.Column, d.Column))], "query's fields"));
            }
        }

        if (query.OrderBy.Count == 0 && Dimensions.FirstOrDefault(d => d.Dimension.Type == DimensionType.Time) is { } time)
        {
            Order.Add(new PlannedOrder(time.Column, null, Descending: false));
        }
    }

    private static string? Comparison(SemanticFilter filter, DimensionType type, List<string> problems)
    {
        var field = $"The filter on '{filter.Field}'";
        var (min, max) = filter.Operator switch
        {
            FilterOperator.In or FilterOperator.NotIn => (1, int.MaxValue),
            FilterOperator.Between => (2, 2),
            _ => (1, 1),
        };
        if (!Enum.IsDefined(filter.Operator))
        {
            problems.Add($"{field} has an unknown operator ({filter.Operator}).");
            return null;
        }

        if (filter.Values.Count < min || filter.Values.Count > max)
        {
            problems.Add($"{field} ({filter.Operator}) takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"at least {min}")} value(s), not {filter.Values.Count}.");
            return null;
        }

        if (type == DimensionType.Boolean && filter.Operator is not (FilterOperator.Equals or FilterOperator.NotEquals or FilterOperator.In or FilterOperator.NotIn))
        {
            problems.Add($"{field} compares true/false values with {filter.Operator}; use Equals or NotEquals.");
            return null;
        }

        var literals = new List<string>();
        foreach (var value in filter.Values)
        {
            if (Literal(value, type) is { } literal)
            {
                literals.Add(literal);
            }
            else
            {
                problems.Add($"{field}: {Describe(value)} is not {Expected(type)}.");
            }
        }

        if (literals.Count != filter.Values.Count)
        {
            return null;
        }

        return filter.Operator switch
        {
            FilterOperator.Equals => $"= {literals[0]}",
            FilterOperator.NotEquals => $"<> {literals[0]}",
            FilterOperator.GreaterThan => $"> {literals[0]}",
            FilterOperator.GreaterThanOrEqual => $">= {literals[0]}",
            FilterOperator.LessThan => $"< {literals[0]}",
            FilterOperator.LessThanOrEqual => $"<= {literals[0]}",
            FilterOperator.In => $"IN ({string.Join(", ", literals)})",
            FilterOperator.NotIn => $"NOT IN ({string.Join(", ", literals)})",
            FilterOperator.Between => $"BETWEEN {literals[0]} AND {literals[1]}",
            _ => throw new InvalidOperationException($"Operator {filter.Operator} has no SQL."),
        };
    }

    /// <summary>A value as a SQL literal of the dimension's type; never the raw text.</summary>
    internal static string? Literal(string? value, DimensionType type)
    {
        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case DimensionType.Numeric:
                return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : null;
            case DimensionType.Time:
                return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? $"DATE '{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'"
                    : null;
            case DimensionType.Boolean:
                return value.Trim().ToLowerInvariant() switch
                {
                    "true" or "yes" or "1" => "TRUE",
                    "false" or "no" or "0" => "FALSE",
                    _ => null,
                };
            default:
                // PostgreSQL refuses NUL in text; every other character is safe once quotes are doubled.
                return value.Contains('\0', StringComparison.Ordinal) ? null : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
        }
    }

    private static string Expected(DimensionType type) => type switch
    {
        DimensionType.Numeric => "a number (invariant format, for example 1234.5)",
        DimensionType.Time => "a date in the form yyyy-MM-dd",
        DimensionType.Boolean => "true or false",
        _ => "text without NUL characters",
    };

    private static string Describe(string? value) => value is null ? "a missing value" : $"'{(value.Length > 40 ? value[..40] + "..." : value)}'";

    private void CollectBaseMeasures(List<string> problems)
    {
        var used = Measures.Concat(MeasureFilters.Select(f => f.Measure)).Concat(Order.Where(o => o.Measure is not null).Select(o => o.Measure!));
        foreach (var measure in used.Distinct())
        {
            try
            {
                foreach (var baseMeasure in DerivedMeasures.BaseMeasures(measure, Index).Where(b => !BaseMeasures.Contains(b)))
                {
                    BaseMeasures.Add(baseMeasure);
                }

                var unknown = measure.IsDerived
                    ? DerivedMeasures.References(SqlFragment.Parse(measure.Expression), Index).Where(r => r.Measure is null).Select(r => r.Word).ToList()
                    : [];
                if (unknown.Count > 0)
                {
                    problems.Add($"The measure '{measure.Name}' names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which the model does not have.");
                }
            }
            catch (SemanticQueryException cycle)
            {
                problems.Add($"The measure '{measure.Name}' cannot be computed. {cycle.Message}");
            }
        }
    }

    private void PlanJoins(List<string> problems)
    {
        var grains = new Dictionary<SemanticMeasure, MeasureGrain>();
        foreach (var measure in BaseMeasures)
        {
            var (grain, problem) = Index.GrainOf(measure);
            if (grain is null)
            {
                problems.Add($"The measure '{measure.Name}' cannot be computed: {problem}.");
            }
            else
            {
                grains[measure] = grain;
            }
        }

        var needed = new List<string>();
        void Need(IEnumerable<string> entities) => needed.AddRange(entities.Where(e => !needed.Contains(e, StringComparer.OrdinalIgnoreCase)));
        foreach (var grain in grains.Values)
        {
            Need([grain.Grain, .. grain.Entities]);
        }

        foreach (var dimension in Dimensions.Select(d => d.Dimension).Concat(FilteredDimensions()))
        {
            var (entities, unknown) = Index.Read(SqlFragment.Parse(dimension.Expression));
            if (Index.Entity(dimension.Entity) is null)
            {
                problems.Add($"The dimension '{dimension.Name}' belongs to the unknown entity '{dimension.Entity}'.");
            }
            else if (unknown.Count > 0)
            {
                problems.Add($"The dimension '{dimension.Name}' uses the unknown alias '{unknown[0]}'.");
            }

            Need([dimension.Entity, .. entities]);
        }

        if (problems.Count > 0)
        {
            return;
        }

        var root = ChooseRoot(grains, needed);
        var (joins, unreachable) = Index.JoinTree(root, needed);
        if (unreachable.Count > 0)
        {
            problems.Add($"No join path connects {string.Join(", ", unreachable.Select(u => $"'{u}'"))} to '{root}': the model has no chain of relationships between them.");
            return;
        }

        Root = Index.Entity(root)!;
        Joins = joins;
        foreach (var measure in BaseMeasures)
        {
            var grain = grains[measure];
            if (SqlFragment.Parse(measure.Expression).IsDuplicateInsensitive() || !FansOut(grain.Grain, joins))
            {
                RootMeasures.Add(measure);
                continue;
            }

            var entity = Index.Entity(grain.Grain)!;
            if (entity.PrimaryKey.Count == 0)
            {
                problems.Add($"The measure '{measure.Name}' would count rows of '{entity.Name}' more than once in this query, and '{entity.Name}' has no primary key to count them once by.");
                continue;
            }

            var unit = FanOutUnits.FindIndex(u => u.Entity == entity);
            var measures = unit < 0 ? [measure] : FanOutUnits[unit].Measures.Append(measure).ToList();
            var reads = measures.SelectMany(m => grains[m].Entities);
            var planned = new FanOutUnit(entity, measures, Index.JoinTree(entity.Name, reads, toOneOnly: true).Steps);
            if (unit < 0)
            {
                FanOutUnits.Add(planned);
            }
            else
            {
                FanOutUnits[unit] = planned;
            }
        }
    }

    private IEnumerable<SemanticDimension> FilteredDimensions() =>
        DimensionFilterFields.Select(f => Index.Dimensions[f]);

    private string ChooseRoot(Dictionary<SemanticMeasure, MeasureGrain> grains, List<string> needed)
    {
        var grainEntities = BaseMeasures.Select(m => grains[m].Grain).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (grainEntities.Count > 0)
        {
            // The finest grain: the entity every other measure's entity is one row of, when there is one.
            return grainEntities.FirstOrDefault(g => grainEntities.All(other => Index.ReachableToOne(g).Contains(other))) ?? grainEntities[0];
        }

        // Dimensions only: the entity from which the fewest joins reach the others.
        return needed
            .Select(candidate => (Candidate: candidate, Tree: Index.JoinTree(candidate, needed)))
            .OrderBy(c => c.Tree.Unreachable.Count)
            .ThenBy(c => c.Tree.Steps.Count)
            .ThenBy(c => Index.EntityOrder(c.Candidate))
            .First().Candidate;
    }

    /// <summary>True when some join, walked away from <paramref name="grain"/>, can match one of its rows to several.</summary>
    private static bool FansOut(string grain, IReadOnlyList<JoinStep> joins)
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { grain };
        var pending = new Queue<string>([grain]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var step in joins)
            {
                var forward = string.Equals(step.From, current, StringComparison.OrdinalIgnoreCase);
                var backward = string.Equals(step.To, current, StringComparison.OrdinalIgnoreCase);
                var next = forward ? step.To : backward ? step.From : null;
                if (next is null || !visited.Add(next))
                {
                    continue;
                }

                if (SemanticModelIndex.IsToMany(step.Relationship, current))
                {
                    return true;
                }

                pending.Enqueue(next);
            }
        }

        return false;
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
