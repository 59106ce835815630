using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

internal enum TermKind
{
    Measure,
    Dimension,
    Value,
}

/// <summary>What a phrase names: a measure, a dimension, or one value of a dimension.</summary>
internal sealed record Term(TermKind Kind, string Name, string? Value = null)
{
    public override string ToString() => Kind == TermKind.Value ? $"{Name} = {Value}" : Name;
}

/// <summary>One way to say a term, as words.</summary>
/// <param name="CaseSensitive">The exact spelling a one-word phrase needs because its lower case is an ordinary word ("US", not "us").</param>
internal sealed record Phrase(IReadOnlyList<Token> Words, Term Term, string? CaseSensitive);

/// <summary>A phrase found in the question.</summary>
/// <param name="Terms">Every term the words could name (more than one when ambiguous).</param>
/// <param name="Edits">Letters off, when matched despite misspellings.</param>
/// <param name="Surface">The terms whose phrase matched exactly as written, not only in singular form.</param>
internal sealed record PhraseMatch(int Start, int Length, IReadOnlyList<Term> Terms, int Edits, IReadOnlyList<Term> Surface);

/// <summary>Every phrase of a model and its known values, and how to find them in a question.</summary>
internal sealed class Lexicon
{
    private readonly List<Phrase> _phrases = [];
    private readonly Dictionary<string, List<Phrase>> _byFirstStem = new(StringComparer.Ordinal);

    public Lexicon(SemanticModel model, IReadOnlyDictionary<string, IReadOnlyList<string>> knownValues)
    {
        foreach (var measure in model.Measures)
        {
            var term = new Term(TermKind.Measure, measure.Name);
            Add(measure.Name, term);
            foreach (var synonym in measure.Synonyms)
            {
                Add(synonym, term);
            }
        }

        foreach (var dimension in model.Dimensions)
        {
            var term = new Term(TermKind.Dimension, dimension.Name);
            Add(dimension.Name, term);
            foreach (var synonym in dimension.Synonyms)
            {
                Add(synonym, term);
            }

            if (dimension.Type != DimensionType.Time && knownValues.TryGetValue(dimension.Name, out var values))
            {
                foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
                {
                    Add(value, new Term(TermKind.Value, dimension.Name, value));
                }
            }

            foreach (var (synonym, value) in dimension.ValueSynonyms)
            {
                Add(synonym, new Term(TermKind.Value, dimension.Name, value));
            }
        }
    }

    public IReadOnlyList<Phrase> Phrases => _phrases;

    /// <summary>The longest phrase starting at <paramref name="start"/> over words not yet used, exactly or in singular form.</summary>
    public PhraseMatch? MatchExact(IReadOnlyList<Token> tokens, int start, Func<int, bool> isFree)
    {
        if (!_byFirstStem.TryGetValue(tokens[start].Stem, out var candidates))
        {
            return null;
        }

        return Best(start, candidates.Select(p => Compare(p, tokens, start, isFree, fuzzy: false)));
    }

    /// <summary>The longest phrase starting at <paramref name="start"/> allowing small misspellings of each word.</summary>
    public PhraseMatch? MatchFuzzy(IReadOnlyList<Token> tokens, int start, Func<int, bool> isFree) =>
        Best(start, _phrases.Select(p => Compare(p, tokens, start, isFree, fuzzy: true)));

    private static PhraseMatch? Best(int start, IEnumerable<(Phrase Phrase, int Length, int Edits, bool Surface)?> matches)
    {
        var found = matches.OfType<(Phrase Phrase, int Length, int Edits, bool Surface)>().ToList();
        if (found.Count == 0)
        {
            return null;
        }

        var length = found.Max(m => m.Length);
        var longest = found.Where(m => m.Length == length).ToList();
        var edits = longest.Min(m => m.Edits);
        var best = longest.Where(m => m.Edits == edits).ToList();
        return new PhraseMatch(
            start,
            length,
            [.. best.Select(m => m.Phrase.Term).Distinct()],
            edits,
            [.. best.Where(m => m.Surface).Select(m => m.Phrase.Term).Distinct()]);
    }

    private static (Phrase, int, int, bool)? Compare(Phrase phrase, IReadOnlyList<Token> tokens, int start, Func<int, bool> isFree, bool fuzzy)
    {
        var words = phrase.Words;
        if (start + words.Count > tokens.Count)
        {
            return null;
        }

        var edits = 0;
        var surface = true;
        for (var i = 0; i < words.Count; i++)
        {
            var token = tokens[start + i];
            if (!isFree(start + i) || token.Kind == TokenKind.Comma)
            {
                return null;
            }

            if (string.Equals(token.Text, words[i].Text, StringComparison.Ordinal))
            {
                continue;
            }

            surface = false;
            if (string.Equals(token.Stem, words[i].Stem, StringComparison.Ordinal))
            {
                continue;
            }

            var distance = fuzzy && token.Kind == TokenKind.Word && !Words.Function.Contains(token.Text)
                ? Math.Min(EditDistance.Within(token.Text, words[i].Text) ?? int.MaxValue, EditDistance.Within(token.Stem, words[i].Stem) ?? int.MaxValue)
                : int.MaxValue;
            if (distance == int.MaxValue)
            {
                return null;
            }

            edits += distance;
        }

        if (phrase.CaseSensitive is not null && !string.Equals(tokens[start].Original, phrase.CaseSensitive, StringComparison.Ordinal))
        {
            return null;
        }

        return (phrase, words.Count, edits, surface);
    }

    private void Add(string text, Term term)
    {
        var words = Tokenizer.Tokenize(text).Where(t => t.Kind != TokenKind.Comma).ToList();
        if (words.Count == 0)
        {
            return;
        }

        // "US" is a country but "us" is a pronoun: a one-word phrase that is also a function word must be written as the model writes it.
        var caseSensitive = words.Count == 1 && words[0].Original.Any(char.IsUpper) &&
            (Words.Function.Contains(words[0].Text) || Words.Function.Contains(words[0].Stem))
                ? words[0].Original
                : null;
        var phrase = new Phrase(words, term, caseSensitive);
        _phrases.Add(phrase);
        if (!_byFirstStem.TryGetValue(words[0].Stem, out var list))
        {
            _byFirstStem[words[0].Stem] = list = [];
        }

        list.Add(phrase);
    }
}
