namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>The fixed vocabulary: function words that carry no meaning of their own, and the words rules look for.</summary>
internal static class Words
{
    /// <summary>Words that need no grounding: they ask, point, join or fill, but name nothing.</summary>
    public static readonly HashSet<string> Function = new(StringComparer.Ordinal)
    {
        "a", "about", "across", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "breakdown", "broken",
        "bring", "brought", "by", "can", "could", "data", "did", "display", "do", "does", "down", "during", "each",
        "every", "figure", "figures", "for", "from", "get", "give", "grouped", "had", "has", "have", "how", "i", "in",
        "is", "it", "its", "kindly", "let", "list", "make", "made", "many", "me", "much", "my", "need", "number",
        "numbers", "of", "on", "our", "overall", "per", "please", "report", "see", "sell", "selling", "sells", "show",
        "sold", "split", "tell", "than", "that", "the", "their", "them", "there", "these", "they", "this", "those", "to",
        "total", "totals", "us", "view", "want", "was", "we", "were", "what", "what's", "whats", "where", "which",
        "who", "whose", "with", "within", "would", "you", "your", "sum", "count", "amount", "distinct", "unique",
        "different", "name", "names", "value", "values", "grand", "combined", "altogether", "so", "far", "generate",
        "generated", "earn", "earned", "had", "having", "like", "look", "looked", "compare", "compared", "comparison",
        "vs", "versus", "against", "between", "while", "being", "into", "out", "up", "just", "only", "also", "over",
        "buy", "bought", "place", "placed",
    };

    /// <summary>Words after which a dimension is grouped by rather than qualified.</summary>
    public static readonly HashSet<string> Grouping = new(StringComparer.Ordinal) { "by", "per", "each", "every", "across" };

    /// <summary>Words that ask for a list of a dimension's members, so no measure is needed.</summary>
    public static readonly HashSet<string> Listing = new(StringComparer.Ordinal)
    {
        "which", "list", "what", "show", "all", "distinct", "unique", "display", "name", "names", "give",
    };

    /// <summary>Words that ask to compare values side by side, so their dimension is grouped by.</summary>
    public static readonly HashSet<string> Comparing = new(StringComparer.Ordinal)
    {
        "vs", "versus", "compare", "compared", "comparison", "against",
    };

    /// <summary>Words that join measures or dimensions into one list.</summary>
    public static readonly HashSet<string> Joining = new(StringComparer.Ordinal)
    {
        "and", ",", "&", ";", "/", "vs", "versus", "against", "plus", "with",
    };

    /// <summary>Words that may sit between a dimension's name and one of its values ("the city of Paris").</summary>
    public static readonly HashSet<string> Qualifying = new(StringComparer.Ordinal) { "the", "of", "a", "is", "named", "called" };

    public static readonly IReadOnlyDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["fifty"] = 50, ["hundred"] = 100,
    };

    /// <summary>The singular form of an English word, good enough to compare "regions" with "region".</summary>
    public static string Singular(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        foreach (var suffix in (ReadOnlySpan<string>)["sses", "xes", "ches", "shes", "uses"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^2];
            }
        }

        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) ||
            word.EndsWith("is", StringComparison.Ordinal) || !word.EndsWith('s'))
        {
            return word;
        }

        return word[..^1];
    }

    /// <summary>A plural for model assistance: "region" becomes "regions", "category" "categories".</summary>
    public static string Plural(string word)
    {
        if (word.EndsWith('y') && word.Length > 2 && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 1), "ies");
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }

        return word + "s";
    }
}
