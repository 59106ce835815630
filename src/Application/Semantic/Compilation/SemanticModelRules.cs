using System.Text.RegularExpressions;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Compilation;

/// <summary>One thing wrong with a semantic model, at a path such as <c>measures.profit.expression</c>.</summary>
public sealed record SemanticModelProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks a semantic model as a whole: names, aliases, relationships, expressions, grains, synonyms and derived
/// measures. Every problem is reported, each with its path, so one pass over a file shows all that needs fixing.
/// </summary>
public static partial class SemanticModelRules
{
    /// <summary>The prefix of the helper names compiled SQL uses; model names may not start with it.</summary>
    public const string ReservedPrefix = "kurobe_";

    /// <summary>Checks <paramref name="model"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="declaredMeasureEntities">
    /// The entity a source file declares for each measure, by measure name, checked against the entity the
    /// measure's expression actually aggregates.
    /// </param>
    public static IReadOnlyList<SemanticModelProblem> Check(SemanticModel model, IReadOnlyDictionary<string, string>? declaredMeasureEntities = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<SemanticModelProblem>();
        void Add(string path, string message) => problems.Add(new SemanticModelProblem(path, message));

        if (string.IsNullOrWhiteSpace(model.Name))
        {
            Add("name", "the model needs a name");
        }

        var index = new SemanticModelIndex(model);
        CheckEntities(model, Add);
        CheckRelationships(model, index, Add);
        CheckNames(model, Add);
        CheckMeasures(model, index, declaredMeasureEntities, Add);
        CheckDimensions(model, index, Add);
        return problems;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    private static void CheckEntities(SemanticModel model, Action<string, string> add)
    {
        if (model.Entities.Count == 0)
        {
            add("entities", "the model needs at least one entity");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in model.Entities)
        {
            var path = $"entities.{entity.Name}";
            if (!Identifier().IsMatch(entity.Name))
            {
                add(path, "an entity name is letters, digits and '_', starting with a letter or '_'");
            }

            if (!names.Add(entity.Name))
            {
                add(path, $"the entity '{entity.Name}' is defined twice");
            }

            if (string.IsNullOrWhiteSpace(entity.Table) || SqlFragment.Parse(entity.Table).Problem is not null)
            {
                add($"{path}.table", $"'{entity.Table}' is not a table name");
            }

            if (!Identifier().IsMatch(entity.Alias))
            {
                add($"{path}.alias", $"'{entity.Alias}' is not a valid alias: letters, digits and '_', starting with a letter or '_'");
            }
            else if (!aliases.TryAdd(entity.Alias, entity.Name))
            {
                add($"{path}.alias", $"the alias '{entity.Alias}' is also the alias of entity '{aliases[entity.Alias]}'; aliases must be unique");
            }

            if (entity.PrimaryKey.Count == 0)
            {
                add($"{path}.primary_key", "the entity needs a primary key (one or more columns)");
            }

            foreach (var column in entity.PrimaryKey.Where(c => !Identifier().IsMatch(c)))
            {
                add($"{path}.primary_key", $"'{column}' is not a column name");
            }
        }
    }

    private static void CheckRelationships(SemanticModel model, SemanticModelIndex index, Action<string, string> add)
    {
        for (var i = 0; i < model.Relationships.Count; i++)
        {
            var relationship = model.Relationships[i];
            var path = $"relationships[{i}]";
            foreach (var (end, name) in new[] { ("from", relationship.From), ("to", relationship.To) })
            {
                if (index.Entity(name) is null)
                {
                    add($"{path}.{end}", $"unknown entity '{name}'.{CloseNames.Hint(name, [.. model.Entities.Select(e => e.Name)], "entities")}");
                }
            }

            if (string.Equals(relationship.From, relationship.To, StringComparison.OrdinalIgnoreCase))
            {
                add(path, $"the relationship joins '{relationship.From}' to itself; model the second role as its own entity with its own alias");
            }

            if (relationship.FromColumns.Count == 0)
            {
                add($"{path}.on", "the relationship needs at least one pair of columns");
            }
            else if (relationship.FromColumns.Count != relationship.ToColumns.Count)
            {
                add($"{path}.on", $"{relationship.FromColumns.Count} column(s) on '{relationship.From}' but {relationship.ToColumns.Count} on '{relationship.To}'; they pair up one to one");
            }

            foreach (var column in relationship.FromColumns.Concat(relationship.ToColumns).Where(c => !Identifier().IsMatch(c)))
            {
                add($"{path}.on", $"'{column}' is not a column name");
            }
        }
    }

    private static void CheckNames(SemanticModel model, Action<string, string> add)
    {
        var fields = model.Measures.Select(m => (Kind: "measure", Path: $"measures.{m.Name}", m.Name, m.Synonyms))
            .Concat(model.Dimensions.Select(d => (Kind: "dimension", Path: $"dimensions.{d.Name}", d.Name, d.Synonyms)))
            .ToList();

        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (!Identifier().IsMatch(field.Name))
            {
                add(field.Path, $"'{field.Name}' is not a valid name: letters, digits and '_', starting with a letter or '_'");
            }
            else if (field.Name.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                add(field.Path, $"names starting with '{ReservedPrefix}' are reserved");
            }

            if (!owners.TryAdd(Term(field.Name), $"{field.Kind} '{field.Name}'"))
            {
                add(field.Path, $"the name '{field.Name}' is already used by {owners[Term(field.Name)]}");
            }
        }

        foreach (var field in fields)
        {
            foreach (var synonym in field.Synonyms)
            {
                var term = Term(synonym);
                if (term.Length == 0)
                {
                    add($"{field.Path}.synonyms", "a synonym is empty");
                }
                else if (owners.TryGetValue(term, out var owner) && owner != $"{field.Kind} '{field.Name}'")
                {
                    add($"{field.Path}.synonyms", $"'{synonym}' is already the name or a synonym of {owner}");
                }
                else
                {
                    owners.TryAdd(term, $"{field.Kind} '{field.Name}'");
                }
            }
        }
    }

    private static void CheckMeasures(
        SemanticModel model,
        SemanticModelIndex index,
        IReadOnlyDictionary<string, string>? declaredEntities,
        Action<string, string> add)
    {
        foreach (var measure in model.Measures)
        {
            var path = $"measures.{measure.Name}";
            if (string.IsNullOrWhiteSpace(measure.Expression))
            {
                add($"{path}.expression", "the measure needs an expression");
                continue;
            }

            var expression = SqlFragment.Parse(measure.Expression);
            if (expression.Problem is not null)
            {
                add($"{path}.expression", $"the expression is not usable: {expression.Problem}");
                continue;
            }

            if (measure.IsDerived)
            {
                CheckDerived(measure, expression, index, path, add);
                continue;
            }

            if (measure.Filter is not null && SqlFragment.Parse(measure.Filter).Problem is { } filterProblem)
            {
                add($"{path}.filter", $"the filter is not usable: {filterProblem}");
                continue;
            }

            if (expression.AggregateCalls().Count == 0)
            {
                var words = expression.Tokens.Where(t => t.Kind == SqlFragmentTokenKind.Word).Select(t => t.Text).ToList();
                add($"{path}.expression", words.Any(w => index.Measures.ContainsKey(w))
                    ? "the expression names other measures: mark the measure as derived"
                    : $"the expression aggregates nothing: use an aggregate function such as {string.Join(", ", SqlFragment.AggregateFunctions.Take(6).Select(f => f.ToUpperInvariant()))}");
                continue;
            }

            var (grain, problem) = index.GrainOf(measure);
            if (problem is not null)
            {
                add($"{path}.expression", problem);
            }
            else if (declaredEntities is not null && declaredEntities.TryGetValue(measure.Name, out var declared)
                && !string.Equals(declared, grain!.Grain, StringComparison.OrdinalIgnoreCase))
            {
                add($"{path}.entity", index.Entity(declared) is null
                    ? $"unknown entity '{declared}'.{CloseNames.Hint(declared, [.. model.Entities.Select(e => e.Name)], "entities")}"
                    : $"the expression aggregates rows of '{grain.Grain}' (it reads {string.Join(", ", grain.Entities)}), not '{declared}'");
            }
        }
    }

    private static void CheckDerived(SemanticMeasure measure, SqlFragment expression, SemanticModelIndex index, string path, Action<string, string> add)
    {
        if (measure.Filter is not null)
        {
            add($"{path}.filter", "a derived measure cannot have a filter; put it on the measures it is computed from");
        }

        if (expression.Qualifiers().Count > 0)
        {
            add($"{path}.expression", $"a derived measure combines measures by name and cannot read columns ({string.Join(", ", expression.Qualifiers())}.*)");
        }

        var references = DerivedMeasures.References(expression, index);
        foreach (var unknown in references.Where(r => r.Measure is null))
        {
            add($"{path}.expression", $"unknown measure '{unknown.Word}'.{CloseNames.Hint(unknown.Word, [.. index.Measures.Keys.Order(StringComparer.Ordinal)], "measures")}");
        }

        if (references.All(r => r.Measure is null))
        {
            add($"{path}.expression", "a derived measure names at least one other measure");
        }
        else if (DerivedMeasures.Cycle(measure, index) is { } cycle)
        {
            add($"{path}.expression", cycle);
        }
    }

    private static void CheckDimensions(SemanticModel model, SemanticModelIndex index, Action<string, string> add)
    {
        foreach (var dimension in model.Dimensions)
        {
            var path = $"dimensions.{dimension.Name}";
            if (index.Entity(dimension.Entity) is null)
            {
                add($"{path}.entity", $"unknown entity '{dimension.Entity}'.{CloseNames.Hint(dimension.Entity, [.. model.Entities.Select(e => e.Name)], "entities")}");
            }

            var expression = SqlFragment.Parse(dimension.Expression);
            if (string.IsNullOrWhiteSpace(dimension.Expression))
            {
                add($"{path}.expression", "the dimension needs an expression or a column");
            }
            else if (expression.Problem is not null)
            {
                add($"{path}.expression", $"the expression is not usable: {expression.Problem}");
            }
            else
            {
                var (_, unknown) = index.Read(expression);
                foreach (var alias in unknown)
                {
                    add($"{path}.expression", $"unknown alias '{alias}'; the aliases are {string.Join(", ", model.Entities.Select(e => e.Alias))}");
                }

                if (expression.AggregateCalls().Count > 0)
                {
                    add($"{path}.expression", "a dimension cannot aggregate; make it a measure");
                }
            }

            if (dimension.Type != DimensionType.Time && dimension.TimeGrains.Count > 0)
            {
                add($"{path}.grains", $"only time dimensions have grains; '{dimension.Name}' is {dimension.Type.ToString().ToLowerInvariant()}");
            }

            if (dimension.TimeGrains.Distinct().Count() != dimension.TimeGrains.Count)
            {
                add($"{path}.grains", "a grain is listed twice");
            }

            foreach (var (word, value) in dimension.ValueSynonyms)
            {
                if (string.IsNullOrWhiteSpace(word) || string.IsNullOrWhiteSpace(value))
                {
                    add($"{path}.values", "a value synonym needs both the word and the value it stands for");
                }
            }
        }
    }

    // "order count", "Order_Count" and "order  count" are the same word to people asking questions.
    private static string Term(string text) =>
        string.Join(' ', text.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
}
