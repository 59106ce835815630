using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>A measure, dimension or value named in the question, over tokens [Start, End).</summary>
/// <param name="Terms">What the words may name; more than one when ambiguous.</param>
/// <param name="Surface">The terms matched exactly as written (not only in singular form).</param>
/// <param name="FuzzyWords">How many of its words were misspelled.</param>
internal sealed record TermMention(int Start, int End, IReadOnlyList<Term> Terms, IReadOnlyList<Term> Surface, int FuzzyWords, bool Plural);

/// <summary>A period to filter by or a grain to group by, over tokens [Start, End).</summary>
internal sealed record TimeMention(int Start, int End, Period? Period, TimeGrain? Grain, bool Weak);

/// <summary>"top 5", "bottom 3", "best", "lowest": which end and how many.</summary>
internal sealed record RankMention(int Start, int End, int? Count, bool Descending);

/// <summary>"sorted by": the field is the next term named after it.</summary>
internal sealed record SortMention(int Start, int End);

/// <summary>"descending", "ascending", "highest first".</summary>
internal sealed record DirectionMention(int Start, int End, bool Descending);

/// <summary>Everything read from a question: its tokens, what explained each, and what they name.</summary>
internal sealed class Reading(IReadOnlyList<Token> tokens)
{
    private readonly bool[] _used = new bool[tokens.Count];

    public IReadOnlyList<Token> Tokens { get; } = tokens;

    public List<TermMention> Terms { get; } = [];

    public List<TimeMention> Times { get; } = [];

    public List<RankMention> Ranks { get; } = [];

    public List<SortMention> Sorts { get; } = [];

    public List<DirectionMention> Directions { get; } = [];

    public bool IsFree(int i) => i >= 0 && i < _used.Length && !_used[i];

    public void Use(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            _used[i] = true;
        }
    }

    /// <summary>Runs of words nothing explained, as written.</summary>
    public IReadOnlyList<string> Unexplained()
    {
        var runs = new List<string>();
        var run = new List<string>();
        for (var i = 0; i <= Tokens.Count; i++)
        {
            if (i < Tokens.Count && !_used[i])
            {
                run.Add(Tokens[i].Original);
                continue;
            }

            if (run.Count > 0)
            {
                runs.Add(string.Join(' ', run));
                run.Clear();
            }
        }

        return runs;
    }

    public string Text(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Text : string.Empty;

    /// <summary>The word before <paramref name="start"/>, skipping articles and "total" ("by the region", "top 5 total").</summary>
    public int Before(int start)
    {
        var i = start - 1;
        while (i >= 0 && Tokens[i].Text is "the" or "a" or "an" or "total" or "our" or "my" or "all" or "their")
        {
            i--;
        }

        return i;
    }

    public bool Contains(IReadOnlySet<string> words) => Tokens.Any(t => words.Contains(t.Text));
}
