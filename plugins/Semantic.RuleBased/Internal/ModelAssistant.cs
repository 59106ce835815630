using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>
/// Suggests synonyms people are likely to use: spaced and plural forms of names, "number of" for counts, "avg" for
/// averages, and distinctive words from descriptions; never a word another term already uses.
/// </summary>
internal static class ModelAssistant
{
    private const int MaxDescriptionWords = 2;
    private const int MinDescriptionWordLength = 5;

    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal)
    {
        "amount", "value", "values", "number", "total", "which", "where", "their", "there", "other", "after", "before",
        "about", "every", "using", "based", "named", "include", "includes", "including", "excluding", "order", "orders",
        "measure", "dimension", "column", "table", "calculated", "given", "record", "records", "entry", "field",
    };

    public static ModelAssistance Assist(SemanticModel model)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, synonyms) in Terms(model))
        {
            taken.Add(Normal(name));
            foreach (var synonym in synonyms)
            {
                taken.Add(Normal(synonym));
            }
        }

        var suggestions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var measure in model.Measures)
        {
            Suggest(measure.Name, MeasureForms(measure).Concat(DescriptionWords(measure.Description)), taken, suggestions);
        }

        foreach (var dimension in model.Dimensions)
        {
            Suggest(dimension.Name, DimensionForms(dimension).Concat(DescriptionWords(dimension.Description)), taken, suggestions);
            if (dimension.Synonyms.Count == 0)
            {
                notes.Add($"Dimension '{dimension.Name}' has no synonyms; add the words people use for it.");
            }
        }

        foreach (var measure in model.Measures.Where(m => m.Synonyms.Count == 0))
        {
            notes.Add($"Measure '{measure.Name}' has no synonyms; add the words people use for it.");
        }

        foreach (var clash in Terms(model)
            .SelectMany(t => t.Synonyms.Append(t.Name).Select(s => (Word: Normal(s), t.Name)))
            .GroupBy(x => x.Word)
            .Where(g => g.Select(x => x.Name).Distinct().Count() > 1))
        {
            notes.Add($"'{clash.Key}' names {Naming.List(clash.Select(x => $"'{x.Name}'").Distinct())}; questions using it are ambiguous.");
        }

        return new ModelAssistance(suggestions, notes);
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Synonyms)> Terms(SemanticModel model) =>
        model.Measures.Select(m => (m.Name, m.Synonyms)).Concat(model.Dimensions.Select(d => (d.Name, d.Synonyms)));

    private static IEnumerable<string> MeasureForms(SemanticMeasure measure)
    {
        var spaced = Naming.Display(measure.Name);
        yield return spaced;
        if (measure.Name.EndsWith("_count", StringComparison.Ordinal))
        {
            var counted = Naming.Display(measure.Name[..^"_count".Length]);
            yield return $"number of {Words.Plural(counted)}";
            yield return Words.Plural(counted);
        }
        else if (measure.Name.StartsWith("average_", StringComparison.Ordinal))
        {
            var averaged = Naming.Display(measure.Name["average_".Length..]);
            yield return $"avg {averaged}";
            yield return $"mean {averaged}";
        }
        else
        {
            yield return $"total {spaced}";
        }
    }

    private static IEnumerable<string> DimensionForms(SemanticDimension dimension)
    {
        var spaced = Naming.Display(dimension.Name);
        yield return spaced;
        yield return Words.Plural(spaced);
        foreach (var synonym in dimension.Synonyms.Where(s => !s.Contains(' ', StringComparison.Ordinal)))
        {
            yield return Words.Plural(synonym.ToLowerInvariant());
        }
    }

    private static IEnumerable<string> DescriptionWords(string? description) =>
        Tokenizer.Tokenize(description ?? string.Empty)
            .Where(t => t.Kind == TokenKind.Word && t.Text.Length >= MinDescriptionWordLength &&
                !Words.Function.Contains(t.Text) && !Vague.Contains(t.Text))
            .Select(t => t.Text)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxDescriptionWords);

    private static void Suggest(string name, IEnumerable<string> candidates, HashSet<string> taken, Dictionary<string, IReadOnlyList<string>> suggestions)
    {
        var fresh = new List<string>();
        foreach (var candidate in candidates)
        {
            var normal = Normal(candidate);
            // Plural forms are already understood through singular matching, but saying so helps other engines too.
            if (taken.Add(normal))
            {
                fresh.Add(candidate);
            }
        }

        if (fresh.Count > 0)
        {
            suggestions[name] = fresh;
        }
    }

    private static string Normal(string text) => text.ToLowerInvariant().Replace('_', ' ').Trim();
}
