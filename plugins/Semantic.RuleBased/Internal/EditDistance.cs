namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>Tolerance for small misspellings: Damerau-Levenshtein (optimal string alignment) distance.</summary>
internal static class EditDistance
{
    /// <summary>How many edits a word may be off by: none up to 3 letters, 1 up to 7, 2 from 8.</summary>
    public static int Allowed(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        return length switch
        {
            <= 3 => 0,
            <= 7 => 1,
            _ => 2,
        };
    }

    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The edits between two words if within tolerance, else null.</summary>
    public static int? Within(string question, string term)
    {
        var allowed = Allowed(question, term);
        if (allowed == 0 || Math.Abs(question.Length - term.Length) > allowed)
        {
            return null;
        }

        var distance = Between(question, term);
        return distance <= allowed ? distance : null;
    }
}
