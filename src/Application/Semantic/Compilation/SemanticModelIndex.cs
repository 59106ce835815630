using System.Collections.Frozen;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Compilation;

/// <summary>One step along a relationship, seen from the entity it leaves.</summary>
/// <param name="From">The entity the step leaves.</param>
/// <param name="To">The entity it reaches.</param>
/// <param name="Relationship">The relationship walked, in either direction.</param>
/// <param name="ToMany">True when one row of <paramref name="From"/> can match several rows of <paramref name="To"/>.</param>
internal sealed record JoinStep(string From, string To, SemanticRelationship Relationship, bool ToMany)
{
    /// <summary>The join condition, columns qualified by the aliases of both sides.</summary>
    public string Condition(string fromAlias, string toAlias)
    {
        var forward = string.Equals(Relationship.From, From, StringComparison.OrdinalIgnoreCase);
        var fromColumns = forward ? Relationship.FromColumns : Relationship.ToColumns;
        var toColumns = forward ? Relationship.ToColumns : Relationship.FromColumns;
        return string.Join(" AND ", toColumns.Select((column, i) => $"{toAlias}.{column} = {fromAlias}.{fromColumns[i]}"));
    }
}

/// <summary>A measure's place in the model: the entities its expression reads and the one whose rows it aggregates.</summary>
/// <param name="Entities">Every entity the expression and filter read.</param>
/// <param name="Grain">The entity whose rows it aggregates: every other entity it reads is one row per grain row.</param>
internal sealed record MeasureGrain(IReadOnlyList<string> Entities, string Grain);

/// <summary>Lookups over a model by name and alias (case-insensitive, like SQL identifiers), and its relationship graph.</summary>
internal sealed class SemanticModelIndex
{
    private readonly FrozenDictionary<string, SemanticEntity> _entities;
    private readonly FrozenDictionary<string, SemanticEntity> _aliases;
    private readonly FrozenDictionary<string, int> _entityOrder;
    private readonly Dictionary<string, List<JoinStep>> _steps = new(StringComparer.OrdinalIgnoreCase);

    public SemanticModelIndex(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _entities = First(model.Entities, e => e.Name);
        _aliases = First(model.Entities, e => e.Alias);
        _entityOrder = model.Entities.Select((e, i) => (e.Name, i)).DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
        Measures = First(model.Measures, m => m.Name);
        Dimensions = First(model.Dimensions, d => d.Name);

        foreach (var relationship in model.Relationships)
        {
            if (!_entities.ContainsKey(relationship.From) || !_entities.ContainsKey(relationship.To)
                || string.Equals(relationship.From, relationship.To, StringComparison.OrdinalIgnoreCase)
                || relationship.FromColumns.Count != relationship.ToColumns.Count || relationship.FromColumns.Count == 0)
            {
                continue;
            }

            StepsOf(relationship.From).Add(new JoinStep(relationship.From, relationship.To, relationship, IsToMany(relationship, relationship.From)));
            StepsOf(relationship.To).Add(new JoinStep(relationship.To, relationship.From, relationship, IsToMany(relationship, relationship.To)));
        }
    }

    public SemanticModel Model { get; }

    public FrozenDictionary<string, SemanticMeasure> Measures { get; }

    public FrozenDictionary<string, SemanticDimension> Dimensions { get; }

    public SemanticEntity? Entity(string name) => _entities.GetValueOrDefault(name);

    public SemanticEntity? EntityByAlias(string alias) => _aliases.GetValueOrDefault(alias);

    public int EntityOrder(string name) => _entityOrder.GetValueOrDefault(name, int.MaxValue);

    /// <summary>Steps out of an entity, to-one before to-many, otherwise in the model's order.</summary>
    public IEnumerable<JoinStep> Steps(string entity) =>
        _steps.TryGetValue(entity, out var steps) ? steps.OrderBy(s => s.ToMany) : [];

    /// <summary>The entities an expression reads through its aliases, and the qualifiers that are no entity's alias.</summary>
    public (IReadOnlyList<string> Entities, IReadOnlyList<string> UnknownAliases) Read(SqlFragment fragment)
    {
        var entities = new List<string>();
        var unknown = new List<string>();
        foreach (var qualifier in fragment.Qualifiers())
        {
            if (EntityByAlias(qualifier) is { } entity)
            {
                if (!entities.Contains(entity.Name, StringComparer.OrdinalIgnoreCase))
                {
                    entities.Add(entity.Name);
                }
            }
            else
            {
                unknown.Add(qualifier);
            }
        }

        return (entities, unknown);
    }

    /// <summary>The grain of a non-derived measure, or why it has none.</summary>
    public (MeasureGrain? Grain, string? Problem) GrainOf(SemanticMeasure measure)
    {
        var expression = SqlFragment.Parse(measure.Expression);
        var (entities, unknown) = Read(expression);
        if (measure.Filter is not null)
        {
            var (filterEntities, filterUnknown) = Read(SqlFragment.Parse(measure.Filter));
            entities = [.. entities.Union(filterEntities, StringComparer.OrdinalIgnoreCase)];
            unknown = [.. unknown.Union(filterUnknown, StringComparer.OrdinalIgnoreCase)];
        }

        if (unknown.Count > 0)
        {
            return (null, $"it uses {Aliases(unknown)} that no entity has; the aliases are {string.Join(", ", Model.Entities.Select(e => e.Alias))}");
        }

        if (entities.Count == 0)
        {
            return (null, "it reads no entity: qualify its columns with an entity alias, for example COUNT(o.order_id) rather than COUNT(*)");
        }

        var grain = entities.OrderBy(EntityOrder).FirstOrDefault(candidate => entities.All(other => ReachableToOne(candidate).Contains(other)));
        return grain is null
            ? (null, $"it reads {string.Join(", ", entities)}, and none of them has exactly one row of each of the others (no many-to-one path joins them)")
            : (new MeasureGrain(entities, grain), null);
    }

    /// <summary>The entities reached from <paramref name="entity"/> by to-one steps only, itself included.</summary>
    public IReadOnlySet<string> ReachableToOne(string entity)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { entity };
        var pending = new Queue<string>([entity]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var step in Steps(current).Where(s => !s.ToMany && seen.Add(s.To)))
            {
                pending.Enqueue(step.To);
            }
        }

        return seen;
    }

    /// <summary>
    /// The joins that connect <paramref name="needed"/> to <paramref name="root"/>: a breadth-first tree over the
    /// relationships (both directions, to-one steps first), cut down to the paths the needed entities lie on.
    /// Returns the steps in join order and the entities no path reaches.
    /// </summary>
    public (IReadOnlyList<JoinStep> Steps, IReadOnlyList<string> Unreachable) JoinTree(string root, IEnumerable<string> needed, bool toOneOnly = false)
    {
        var parent = new Dictionary<string, JoinStep?>(StringComparer.OrdinalIgnoreCase) { [root] = null };
        var order = new List<string> { root };
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var step in Steps(current))
            {
                if ((toOneOnly && step.ToMany) || !parent.TryAdd(step.To, step))
                {
                    continue;
                }

                order.Add(step.To);
                pending.Enqueue(step.To);
            }
        }

        var kept = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unreachable = new List<string>();
        foreach (var entity in needed)
        {
            if (!parent.ContainsKey(entity))
            {
                unreachable.Add(entity);
                continue;
            }

            for (var current = entity; kept.Add(current) && parent[current] is { } step; current = step.From)
            {
            }
        }

        var steps = order.Where(e => kept.Contains(e) && parent[e] is not null).Select(e => parent[e]!).ToList();
        return (steps, unreachable);
    }

    /// <summary>True when one row of <paramref name="from"/> can match several rows at the relationship's other end.</summary>
    public static bool IsToMany(SemanticRelationship relationship, string from) =>
        string.Equals(relationship.From, from, StringComparison.OrdinalIgnoreCase)
            ? relationship.Cardinality == Cardinality.OneToMany
            : relationship.Cardinality == Cardinality.ManyToOne;

    private List<JoinStep> StepsOf(string entity)
    {
        if (!_steps.TryGetValue(entity, out var steps))
        {
            steps = [];
            _steps[entity] = steps;
        }

        return steps;
    }

    private static string Aliases(IReadOnlyList<string> aliases) =>
        aliases.Count == 1 ? $"the alias '{aliases[0]}'" : $"the aliases {string.Join(", ", aliases.Select(a => $"'{a}'"))}";

    private static FrozenDictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> key) =>
        items.DistinctBy(key, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(key, StringComparer.OrdinalIgnoreCase);
}
