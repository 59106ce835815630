using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>Refusals that say what could not be understood and what the model can answer instead.</summary>
internal static class Refusals
{
    private const int MaxClosest = 3;

    public static SemanticResult Refuse(string reason, SemanticModel model, params IEnumerable<string> suggestions) =>
        SemanticResult.Refuse(reason, [.. suggestions, .. WhatTheModelKnows(model)]);

    public static SemanticResult Ungrounded(IReadOnlyList<string> phrases, SemanticModel model)
    {
        var quoted = Naming.List(phrases.Select(p => $"'{p}'"));
        var verb = phrases.Count == 1 ? "means" : "mean";
        var closest = phrases
            .SelectMany(p => Closest(p, model))
            .Distinct(StringComparer.Ordinal)
            .Select(name => $"Did you mean '{name}'?");
        return Refuse($"I don't know what {quoted} {verb} in the {model.Name} model.", model, closest);
    }

    /// <summary>Measures and dimensions whose name or synonym is within a few letters of <paramref name="phrase"/>.</summary>
    public static IEnumerable<string> Closest(string phrase, SemanticModel model)
    {
        var text = phrase.ToLowerInvariant().Replace('_', ' ');
        var names = model.Measures.Select(m => (m.Name, m.Synonyms))
            .Concat(model.Dimensions.Select(d => (d.Name, d.Synonyms)));
        return names
            .Select(n => (n.Name, Distance: n.Synonyms.Append(n.Name)
                .Select(s => EditDistance.Between(text, s.ToLowerInvariant().Replace('_', ' ')))
                .Min()))
            .Where(n => n.Distance <= Math.Max(2, text.Length / 3))
            .OrderBy(n => n.Distance)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .Take(MaxClosest)
            .Select(n => Naming.Display(n.Name));
    }

    public static IEnumerable<string> WhatTheModelKnows(SemanticModel model)
    {
        if (model.Measures.Count > 0)
        {
            yield return $"Measures in the {model.Name} model: {string.Join(", ", model.Measures.Select(m => Naming.Display(m.Name)))}.";
        }

        if (model.Dimensions.Count > 0)
        {
            yield return $"Dimensions to group or filter by: {string.Join(", ", model.Dimensions.Select(d => Naming.Display(d.Name)))}.";
        }
    }
}

/// <summary>Names for people: <c>units_sold</c> reads "units sold".</summary>
internal static class Naming
{
    public static string Display(string name) => name.Replace('_', ' ');

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
