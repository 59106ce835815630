using System.Globalization;
using System.Text;

namespace Kurobe.Visualization.RuleBased.Internal;

/// <summary>Reads column names and questions as words.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "id", "ytd", "mtd", "qtd", "kpi", "usd", "eur", "gbp", "jpy", "sku", "url", "uuid", "api", "roi", "aov", "arr", "mrr",
    };

    /// <summary>Splits <c>total_revenue</c>, <c>totalRevenue</c>, <c>Total Revenue</c> into lower-case words.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var startsWord = current.Length > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary><c>total_revenue</c> becomes "Total revenue"; known acronyms stay upper case.</summary>
    public static string Title(string name)
    {
        var words = Words(name);
        if (words.Count == 0)
        {
            return name;
        }

        var text = string.Join(' ', words.Select(w => Acronyms.Contains(w) ? w.ToUpperInvariant() : w));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Lower case for use inside a sentence, keeping acronyms: "Total revenue" becomes "total revenue".</summary>
    public static string Lower(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1])
            ? char.ToLowerInvariant(title[0]) + title[1..]
            : title;

    /// <summary>A question as a title: trimmed, first letter upper case.</summary>
    public static string QuestionTitle(string question)
    {
        var text = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    public static bool HasAnyWord(IReadOnlyList<string> words, IReadOnlySet<string> candidates) =>
        words.Any(candidates.Contains);

    /// <summary>Whether <paramref name="text"/> contains any of <paramref name="phrases"/> as whole words.</summary>
    public static bool MentionsAny(string? text, IEnumerable<string> phrases)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var padded = " " + string.Join(' ', Words(text)) + " ";
        return phrases.Any(p => padded.Contains(" " + p + " ", StringComparison.Ordinal));
    }
}
