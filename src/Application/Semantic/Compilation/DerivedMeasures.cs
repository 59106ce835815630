using System.Collections.Frozen;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Compilation;

/// <summary>A word in a derived measure's expression: the measure it names, or null for a word that names nothing.</summary>
internal readonly record struct MeasureReference(int TokenIndex, string Word, SemanticMeasure? Measure);

/// <summary>How derived measures name other measures, and how they expand.</summary>
internal static class DerivedMeasures
{
    // Words a derived expression may use besides measure names: operators, literals, CASE and CAST with their types.
    private static readonly FrozenSet<string> Keywords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "and", "or", "not", "null", "is", "true", "false", "case", "when", "then", "else", "end", "cast", "as", "in",
        "between", "like", "distinct", "from", "interval", "date", "timestamp", "double", "precision", "real", "float",
        "decimal", "numeric", "integer", "int", "bigint", "smallint", "varchar", "text", "boolean", "day", "month", "year");

    public static IReadOnlyList<MeasureReference> References(SqlFragment expression, SemanticModelIndex index) =>
        expression.BareWords()
            .Where(i => !Keywords.Contains(expression.Tokens[i].Text))
            .Select(i => new MeasureReference(i, expression.Tokens[i].Text, index.Measures.GetValueOrDefault(expression.Tokens[i].Text)))
            .ToList();

    /// <summary>
    /// The SQL of <paramref name="measure"/>: a base measure as <paramref name="baseSql"/> renders it, a derived one
    /// with each measure it names replaced by that measure's parenthesised SQL, recursively.
    /// </summary>
    public static string Expand(SemanticMeasure measure, SemanticModelIndex index, Func<SemanticMeasure, string> baseSql) =>
        Expand(measure, index, baseSql, []);

    /// <summary>The base measures <paramref name="measure"/> is computed from, in order of first use.</summary>
    public static IReadOnlyList<SemanticMeasure> BaseMeasures(SemanticMeasure measure, SemanticModelIndex index)
    {
        var found = new List<SemanticMeasure>();
        Expand(measure, index, m =>
        {
            if (!found.Contains(m))
            {
                found.Add(m);
            }

            return m.Name;
        });
        return found;
    }

    /// <summary>The cycle <paramref name="measure"/>'s references run into, described, or null.</summary>
    public static string? Cycle(SemanticMeasure measure, SemanticModelIndex index)
    {
        try
        {
            BaseMeasures(measure, index);
            return null;
        }
        catch (SemanticQueryException cycle)
        {
            return cycle.Message;
        }
    }

    private static string Expand(SemanticMeasure measure, SemanticModelIndex index, Func<SemanticMeasure, string> baseSql, List<string> path)
    {
        if (!measure.IsDerived)
        {
            return baseSql(measure);
        }

        if (path.Contains(measure.Name, StringComparer.OrdinalIgnoreCase))
        {
            var cycle = path.SkipWhile(p => !p.Equals(measure.Name, StringComparison.OrdinalIgnoreCase)).Append(measure.Name);
            throw new SemanticQueryException($"Derived measures refer to each other in a cycle: {string.Join(" -> ", cycle)}.");
        }

        path.Add(measure.Name);
        var expression = SqlFragment.Parse(measure.Expression);
        var replacements = new Dictionary<int, string>();
        foreach (var reference in References(expression, index))
        {
            if (reference.Measure is { } named)
            {
                replacements[reference.TokenIndex] = SqlFragment.Parenthesize(Expand(named, index, baseSql, path));
            }
        }

        path.RemoveAt(path.Count - 1);
        return expression.Replace(replacements);
    }
}
