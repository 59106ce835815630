using System.Collections.Frozen;
using System.Text;

namespace Kurobe.Application.Semantic.Compilation;

internal enum SqlFragmentTokenKind
{
    Word,
    QuotedIdentifier,
    StringLiteral,
    Number,
    Symbol,
    Whitespace,
    Comment,
}

internal readonly record struct SqlFragmentToken(SqlFragmentTokenKind Kind, string Text)
{
    public bool IsSymbol(char symbol) => Kind == SqlFragmentTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    public bool IsIdentifier => Kind is SqlFragmentTokenKind.Word or SqlFragmentTokenKind.QuotedIdentifier;

    /// <summary>The identifier as named: a quoted identifier without its quotes.</summary>
    public string Name => Kind == SqlFragmentTokenKind.QuotedIdentifier && Text.Length >= 2
        ? Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
        : Text;
}

/// <summary>An aggregate call found in an expression: the function's token index, its parentheses, and whether DISTINCT leads its arguments.</summary>
internal readonly record struct AggregateCall(string Function, int NameIndex, int OpenIndex, int CloseIndex, int ArgumentsStart, bool Distinct);

/// <summary>
/// A model-authored SQL expression (a measure, a dimension, a filter) split into tokens: enough to find the entity
/// aliases it uses, the measures a derived measure names, and its aggregate calls, without a full SQL parser.
/// </summary>
internal sealed class SqlFragment
{
    // Functions that aggregate rows. Those marked true give the same answer when rows are repeated by a join.
    private static readonly FrozenDictionary<string, bool> Aggregates = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["sum"] = false, ["count"] = false, ["avg"] = false, ["min"] = true, ["max"] = true, ["median"] = false,
        ["stddev"] = false, ["stddev_pop"] = false, ["stddev_samp"] = false, ["variance"] = false, ["var_pop"] = false,
        ["var_samp"] = false, ["count_if"] = false, ["sum_if"] = false, ["string_agg"] = false, ["listagg"] = false,
        ["array_agg"] = false, ["bool_and"] = true, ["bool_or"] = true, ["every"] = true, ["any_value"] = true,
        ["arbitrary"] = true, ["approx_count_distinct"] = true, ["approx_distinct"] = true, ["approx_percentile"] = false,
        ["quantile_cont"] = false, ["quantile_disc"] = false, ["percentile_cont"] = false, ["percentile_disc"] = false,
        ["mode"] = false, ["geometric_mean"] = false, ["corr"] = false, ["covar_pop"] = false, ["covar_samp"] = false,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private SqlFragment(string text, IReadOnlyList<SqlFragmentToken> tokens, string? problem)
    {
        Text = text;
        Tokens = tokens;
        Problem = problem;
    }

    public string Text { get; }

    public IReadOnlyList<SqlFragmentToken> Tokens { get; }

    /// <summary>Why the text is not a usable expression (an unterminated literal, unbalanced parentheses, a ';'), or null.</summary>
    public string? Problem { get; }

    public static IReadOnlyCollection<string> AggregateFunctions => Aggregates.Keys;

    public static SqlFragment Parse(string text)
    {
        var tokens = new List<SqlFragmentToken>();
        string? problem = null;
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            SqlFragmentTokenKind kind;
            if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                kind = SqlFragmentTokenKind.Whitespace;
            }
            else if (c == '-' && At(text, i + 1) == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                kind = SqlFragmentTokenKind.Comment;
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                problem ??= end < 0 ? "it has an unterminated comment" : null;
                i = end < 0 ? text.Length : end + 2;
                kind = SqlFragmentTokenKind.Comment;
            }
            else if (c is '\'' or '"')
            {
                i = SkipQuoted(text, i, c, out var terminated);
                if (!terminated)
                {
                    problem ??= c == '\'' ? "it has an unterminated string literal" : "it has an unterminated quoted identifier";
                }

                kind = c == '\'' ? SqlFragmentTokenKind.StringLiteral : SqlFragmentTokenKind.QuotedIdentifier;
            }
            else if (char.IsAsciiLetter(c) || c == '_' || c > 127 && char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                {
                    i++;
                }

                kind = SqlFragmentTokenKind.Word;
            }
            else if (char.IsAsciiDigit(c) || c == '.' && char.IsAsciiDigit(At(text, i + 1)))
            {
                i = SkipNumber(text, i);
                kind = SqlFragmentTokenKind.Number;
            }
            else
            {
                i++;
                kind = SqlFragmentTokenKind.Symbol;
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && --depth < 0)
                {
                    problem ??= "it has a ')' without a matching '('";
                }
                else if (c == ';')
                {
                    problem ??= "it contains ';', which would end the statement";
                }
            }

            tokens.Add(new SqlFragmentToken(kind, text[start..i]));
        }

        if (depth > 0)
        {
            problem ??= "it has a '(' without a matching ')'";
        }

        return new SqlFragment(text, tokens, problem);
    }

    /// <summary>The qualifiers of <c>qualifier.column</c> references, in order of first use.</summary>
    public IReadOnlyList<string> Qualifiers()
    {
        var found = new List<string>();
        for (var i = 0; i + 2 < Tokens.Count; i++)
        {
            if (Tokens[i].IsIdentifier && Tokens[i + 1].IsSymbol('.') && Tokens[i + 2].IsIdentifier
                && (i == 0 || !Tokens[i - 1].IsSymbol('.'))
                && !found.Contains(Tokens[i].Name, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(Tokens[i].Name);
            }
        }

        return found;
    }

    /// <summary>Indexes of bare words: not qualified, not a qualifier, not a function name.</summary>
    public IEnumerable<int> BareWords()
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Kind != SqlFragmentTokenKind.Word
                || i > 0 && Tokens[i - 1].IsSymbol('.')
                || i + 1 < Tokens.Count && Tokens[i + 1].IsSymbol('.'))
            {
                continue;
            }

            var next = NextSignificant(i);
            if (next >= 0 && Tokens[next].IsSymbol('('))
            {
                continue;
            }

            yield return i;
        }
    }

    /// <summary>The outermost aggregate calls, in order.</summary>
    public IReadOnlyList<AggregateCall> AggregateCalls()
    {
        var calls = new List<AggregateCall>();
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Kind != SqlFragmentTokenKind.Word || !Aggregates.ContainsKey(Tokens[i].Text)
                || i > 0 && Tokens[i - 1].IsSymbol('.'))
            {
                continue;
            }

            var open = NextSignificant(i);
            if (open < 0 || !Tokens[open].IsSymbol('('))
            {
                continue;
            }

            var close = MatchingClose(open);
            if (close < 0)
            {
                break;
            }

            var first = NextSignificant(open);
            var distinct = first >= 0 && first < close && Tokens[first].Kind == SqlFragmentTokenKind.Word
                && Tokens[first].Text.Equals("DISTINCT", StringComparison.OrdinalIgnoreCase);
            calls.Add(new AggregateCall(Tokens[i].Text, i, open, close, distinct ? first + 1 : open + 1, distinct));
            i = close;
        }

        return calls;
    }

    /// <summary>
    /// True when repeating input rows cannot change the value: every aggregate ignores duplicates (MIN, MAX, any
    /// DISTINCT aggregate) and nothing outside the aggregates reads a column.
    /// </summary>
    public bool IsDuplicateInsensitive()
    {
        var calls = AggregateCalls();
        if (calls.Count == 0 || calls.Any(c => !c.Distinct && !Aggregates[c.Function]))
        {
            return false;
        }

        var inside = new bool[Tokens.Count];
        foreach (var call in calls)
        {
            Array.Fill(inside, true, call.NameIndex, call.CloseIndex - call.NameIndex + 1);
        }

        return !Enumerable.Range(0, Tokens.Count).Any(i => !inside[i] && Tokens[i].IsIdentifier && i + 1 < Tokens.Count && Tokens[i + 1].IsSymbol('.'));
    }

    /// <summary>Rewrites every outermost aggregate to count only rows where <paramref name="condition"/> holds.</summary>
    public string WithAggregateCondition(string condition)
    {
        var builder = new StringBuilder();
        var position = 0;
        foreach (var call in AggregateCalls())
        {
            Append(builder, position, call.ArgumentsStart);
            var arguments = Concat(call.ArgumentsStart, call.CloseIndex).Trim();
            var value = arguments == "*" ? "1" : arguments;
            builder.Append(call.Distinct ? " " : string.Empty).Append("CASE WHEN ").Append(condition).Append(" THEN ").Append(value).Append(" END");
            position = call.CloseIndex;
        }

        Append(builder, position, Tokens.Count);
        return builder.ToString();
    }

    /// <summary>The text with each token at the given indexes replaced.</summary>
    public string Replace(IReadOnlyDictionary<int, string> replacements)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Tokens.Count; i++)
        {
            builder.Append(replacements.TryGetValue(i, out var replacement) ? replacement : Tokens[i].Text);
        }

        return builder.ToString();
    }

    /// <summary>The expression in parentheses, unless nothing around it could bind into it.</summary>
    public static string Parenthesize(string expression) => Parse(expression).IsAtomic() ? expression : $"({expression})";

    /// <summary>True for one identifier, a qualified column, a literal, or one function call: nothing an operator could bind into.</summary>
    public bool IsAtomic()
    {
        var significant = Enumerable.Range(0, Tokens.Count)
            .Where(i => Tokens[i].Kind is not (SqlFragmentTokenKind.Whitespace or SqlFragmentTokenKind.Comment))
            .ToArray();
        if (significant.Length == 1)
        {
            return Tokens[significant[0]].Kind != SqlFragmentTokenKind.Symbol;
        }

        if (significant.Length == 3 && Tokens[significant[0]].IsIdentifier && Tokens[significant[1]].IsSymbol('.')
            && Tokens[significant[2]].IsIdentifier)
        {
            return true;
        }

        if (significant.Length >= 3 && Tokens[significant[0]].Kind == SqlFragmentTokenKind.Word && Tokens[significant[1]].IsSymbol('(')
            && !Tokens[significant[0]].Text.Equals("NOT", StringComparison.OrdinalIgnoreCase))
        {
            return MatchingClose(significant[1]) == significant[^1];
        }

        return significant.Length >= 2 && Tokens[significant[0]].IsSymbol('(') && MatchingClose(significant[0]) == significant[^1];
    }

    private int NextSignificant(int index)
    {
        for (var i = index + 1; i < Tokens.Count; i++)
        {
            if (Tokens[i].Kind is not (SqlFragmentTokenKind.Whitespace or SqlFragmentTokenKind.Comment))
            {
                return i;
            }
        }

        return -1;
    }

    private int MatchingClose(int open)
    {
        var depth = 0;
        for (var i = open; i < Tokens.Count; i++)
        {
            if (Tokens[i].IsSymbol('('))
            {
                depth++;
            }
            else if (Tokens[i].IsSymbol(')') && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private string Concat(int from, int to)
    {
        var builder = new StringBuilder();
        Append(builder, from, to);
        return builder.ToString();
    }

    private void Append(StringBuilder builder, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            builder.Append(Tokens[i].Text);
        }
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static int SkipQuoted(string text, int start, char quote, out bool terminated)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (At(text, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }

                terminated = true;
                return i + 1;
            }

            i++;
        }

        terminated = false;
        return text.Length;
    }

    private static int SkipNumber(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E' && (char.IsAsciiDigit(At(text, i + 1)) || At(text, i + 1) is '+' or '-' && char.IsAsciiDigit(At(text, i + 2))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }
}
