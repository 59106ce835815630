using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>
/// Reads a question in passes, each explaining some of its words: sort directions, rankings, time, sorting, model
/// terms, function words, then misspelled terms. A word nothing explains makes the question ungroundable.
/// </summary>
internal static class Interpreter
{
    /// <summary>Longer questions are not questions this engine can read reliably.</summary>
    public const int MaxWords = 60;

    private static readonly HashSet<string> RankDescending = new(StringComparer.Ordinal)
    {
        "top", "best", "highest", "largest", "biggest", "greatest", "most",
    };

    private static readonly HashSet<string> RankAscending = new(StringComparer.Ordinal)
    {
        "bottom", "worst", "lowest", "smallest", "least", "fewest",
    };

    private static readonly HashSet<string> SortVerbs = new(StringComparer.Ordinal)
    {
        "sorted", "sort", "ordered", "order", "ranked", "rank", "arranged",
    };

    private static readonly (string[] Words, bool Descending)[] DirectionPhrases =
    [
        (["from", "highest", "to", "lowest"], true), (["from", "lowest", "to", "highest"], false),
        (["high", "to", "low"], true), (["low", "to", "high"], false),
        (["largest", "to", "smallest"], true), (["smallest", "to", "largest"], false),
        (["descending", "order"], true), (["ascending", "order"], false), (["alphabetical", "order"], false),
        (["highest", "first"], true), (["largest", "first"], true), (["biggest", "first"], true), (["most", "first"], true),
        (["lowest", "first"], false), (["smallest", "first"], false), (["least", "first"], false),
        (["descending"], true), (["desc"], true), (["ascending"], false), (["asc"], false),
        (["alphabetically"], false), (["alphabetical"], false),
    ];

    public static SemanticResult Interpret(SemanticRequest request, EngineOptions options)
    {
        var model = request.Model;
        var question = request.Question?.Trim() ?? string.Empty;
        var tokens = Tokenizer.Tokenize(question);
        if (tokens.Count == 0)
        {
            return Refusals.Refuse("The question is empty.", model);
        }

        if (tokens.Count > MaxWords)
        {
            return Refusals.Refuse($"The question is too long ({tokens.Count} words); ask one thing in at most {MaxWords} words.", model);
        }

        var reading = new Reading(tokens);
        ReadDirections(reading);
        if (ReadRanks(reading, options) is { } rankRefusal)
        {
            return Refusals.Refuse(rankRefusal, model);
        }

        if (ReadTimes(reading, request.ReferenceDate) is { } timeRefusal)
        {
            return Refusals.Refuse(timeRefusal, model);
        }

        ReadSorts(reading);
        var lexicon = new Lexicon(model, request.KnownValues);
        ReadTerms(reading, lexicon, fuzzy: false);
        ReadFunctionWords(reading);
        ReadBareUnits(reading);
        if (options.Fuzzy)
        {
            ReadTerms(reading, lexicon, fuzzy: true);
        }

        var unexplained = reading.Unexplained();
        return unexplained.Count > 0
            ? Refusals.Ungrounded(unexplained, model)
            : new QueryBuilder(request, options, reading).Build();
    }

    private static void ReadDirections(Reading reading)
    {
        for (var i = 0; i < reading.Tokens.Count; i++)
        {
            foreach (var (words, descending) in DirectionPhrases)
            {
                if (words.Select((w, k) => reading.IsFree(i + k) && reading.Text(i + k) == w).All(b => b))
                {
                    reading.Directions.Add(new DirectionMention(i, i + words.Length, descending));
                    reading.Use(i, i + words.Length);
                    break;
                }
            }
        }
    }

    private static string? ReadRanks(Reading reading, EngineOptions options)
    {
        for (var i = 0; i < reading.Tokens.Count; i++)
        {
            var word = reading.Text(i);
            var descending = RankDescending.Contains(word);
            if (!reading.IsFree(i) || !descending && !RankAscending.Contains(word) || reading.Text(i - 1) == "at")
            {
                continue;
            }

            var (start, end, count) = Count(reading, i + 1) is { } after ? (i, i + 2, after)
                : reading.Text(i - 1).Length <= 3 && Count(reading, i - 1) is { } before ? (i - 1, i + 1, before)
                : (i, i + 1, (int?)null);
            if (count is < 1)
            {
                return $"'{word} {count}' asks for no rows.";
            }

            if (count > options.MaxLimit)
            {
                return $"'{word} {count}' asks for more rows than this engine returns (at most {options.MaxLimit}).";
            }

            reading.Ranks.Add(new RankMention(start, end, count, descending));
            reading.Use(start, end);
        }

        return null;
    }

    private static int? Count(Reading reading, int i)
    {
        if (!reading.IsFree(i))
        {
            return null;
        }

        var token = reading.Tokens[i];
        if (token.Kind == TokenKind.Number)
        {
            // A four-digit number after "top" is a count; elsewhere it would be a year.
            return token.TryGetInteger(out var n) ? n : int.MaxValue;
        }

        return Words.Numbers.TryGetValue(token.Text, out var word) ? word : null;
    }

    private static string? ReadTimes(Reading reading, DateOnly today)
    {
        var time = new TimeExpressions(reading.Tokens, reading.IsFree, today);
        for (var i = 0; i < reading.Tokens.Count; i++)
        {
            if (!reading.IsFree(i) || time.Match(i) is not { } match)
            {
                continue;
            }

            if (match.Error is not null)
            {
                return match.Error;
            }

            reading.Times.Add(new TimeMention(match.Start, match.Start + match.Length, match.Period, match.Grain, match.Weak));
            reading.Use(match.Start, match.Start + match.Length);
            i = match.Start + match.Length - 1;
        }

        return null;
    }

    private static void ReadSorts(Reading reading)
    {
        for (var i = 0; i + 1 < reading.Tokens.Count; i++)
        {
            if (reading.IsFree(i) && reading.IsFree(i + 1) && SortVerbs.Contains(reading.Text(i)) && reading.Text(i + 1) == "by")
            {
                reading.Sorts.Add(new SortMention(i, i + 2));
                reading.Use(i, i + 2);
            }
        }
    }

    private static void ReadTerms(Reading reading, Lexicon lexicon, bool fuzzy)
    {
        for (var i = 0; i < reading.Tokens.Count; i++)
        {
            if (!reading.IsFree(i))
            {
                continue;
            }

            var match = fuzzy ? lexicon.MatchFuzzy(reading.Tokens, i, reading.IsFree) : lexicon.MatchExact(reading.Tokens, i, reading.IsFree);
            if (match is null)
            {
                continue;
            }

            var end = i + match.Length;
            reading.Terms.Add(new TermMention(i, end, match.Terms, match.Surface, match.Edits, reading.Tokens[end - 1].IsPlural));
            reading.Use(i, end);
            i = end - 1;
        }

        reading.Terms.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static void ReadFunctionWords(Reading reading)
    {
        for (var i = 0; i < reading.Tokens.Count; i++)
        {
            var token = reading.Tokens[i];
            if (reading.IsFree(i) && (token.Kind == TokenKind.Comma || Words.Function.Contains(token.Text)))
            {
                reading.Use(i, i + 1);
            }
        }
    }

    /// <summary>"by region and month": a unit word in a list started by "by" or "per".</summary>
    private static void ReadBareUnits(Reading reading)
    {
        for (var i = 0; i < reading.Tokens.Count; i++)
        {
            if (reading.IsFree(i) && TimeExpressions.Unit(reading.Tokens[i]) is { } grain &&
                reading.Tokens.Take(i).Any(t => t.Text is "by" or "per"))
            {
                reading.Times.Add(new TimeMention(i, i + 1, null, grain, Weak: false));
                reading.Use(i, i + 1);
            }
        }
    }
}
