using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kurobe.Semantic.RuleBased.Internal;

internal enum TokenKind
{
    Word,
    Number,
    IsoDate,
    IsoMonth,
    Comma,
}

/// <summary>One word of a question: lower case, its stem (singular form) and how it was written.</summary>
internal sealed record Token(int Index, TokenKind Kind, string Text, string Stem, string Original)
{
    public bool IsNumber => Kind == TokenKind.Number;

    public bool IsPlural => Kind == TokenKind.Word && !string.Equals(Text, Stem, StringComparison.Ordinal);

    public bool TryGetInteger(out int value) =>
        int.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

/// <summary>Splits text into words the same way for questions and for model terms, so both compare.</summary>
internal static partial class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' or '_')
            {
                word.Append(c == '’' ? '\'' : c);
                continue;
            }

            Flush(word, tokens);
            if (c is ',' or '&' or ';' or '/')
            {
                tokens.Add(Create(tokens.Count, TokenKind.Comma, c.ToString()));
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder word, List<Token> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        if (IsoDate().IsMatch(text))
        {
            tokens.Add(Create(tokens.Count, TokenKind.IsoDate, text));
            return;
        }

        if (IsoMonth().IsMatch(text))
        {
            tokens.Add(Create(tokens.Count, TokenKind.IsoMonth, text));
            return;
        }

        foreach (var part in text.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.Trim('\'');
            if (trimmed.EndsWith("'s", StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^2];
            }

            if (trimmed.Length > 0)
            {
                var kind = trimmed.All(char.IsAsciiDigit) ? TokenKind.Number : TokenKind.Word;
                tokens.Add(Create(tokens.Count, kind, trimmed));
            }
        }
    }

    private static Token Create(int index, TokenKind kind, string original)
    {
        var text = original.ToLowerInvariant();
        return new Token(index, kind, text, kind == TokenKind.Word ? Words.Singular(text) : text, original);
    }

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{4}-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoMonth();
}
