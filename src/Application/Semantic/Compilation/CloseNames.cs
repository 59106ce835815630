namespace Kurobe.Application.Semantic.Compilation;

/// <summary>Names close to a misspelt one, for "did you mean" hints.</summary>
internal static class CloseNames
{
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> candidates, int max = 5)
    {
        var wanted = name.Trim().ToLowerInvariant();
        return candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(candidate => (Candidate: candidate, Distance: Distance(wanted, candidate.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, wanted.Length / 3)
                || wanted.Length >= 3 && c.Candidate.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || c.Candidate.Length >= 3 && wanted.Contains(c.Candidate, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Candidate)
            .ToList();
    }

    /// <summary>" Close names: a, b." or, when nothing is close, the names there are.</summary>
    public static string Hint(string name, IReadOnlyCollection<string> candidates, string kind) =>
        Hint(name, [.. candidates.Select(c => (c, c))], kind);

    /// <summary>
    /// As <see cref="Hint(string, IReadOnlyCollection{string}, string)"/>, matching the words of a vocabulary (names
    /// and synonyms) and naming what they stand for.
    /// </summary>
    public static string Hint(string name, IReadOnlyCollection<(string Word, string Name)> vocabulary, string kind)
    {
        var close = Find(name, vocabulary.Select(v => v.Word), max: 20)
            .Select(word => vocabulary.First(v => v.Word.Equals(word, StringComparison.OrdinalIgnoreCase)).Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(5)
            .ToList();
        if (close.Count > 0)
        {
            return $" Close names: {string.Join(", ", close)}.";
        }

        var candidates = vocabulary.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return candidates.Count == 0
            ? $" The model has no {kind}."
            : $" The model's {kind}: {string.Join(", ", candidates.Take(30))}{(candidates.Count > 30 ? ", ..." : string.Empty)}.";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
