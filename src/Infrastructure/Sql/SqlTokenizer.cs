using System.Globalization;
using System.Text;
using Kurobe.Application.Common.Errors;

namespace Kurobe.Infrastructure.Sql;

/// <summary>The SQL dialects the tokenizer knows; they differ in comments, string forms and parameters.</summary>
internal enum SqlDialect
{
    PostgreSql,
    Trino,
    DuckDb,
}

internal enum SqlTokenKind
{
    /// <summary>A keyword or an unquoted identifier; <see cref="SqlToken.Value"/> is lower-cased.</summary>
    Word,

    /// <summary>A double-quoted identifier; <see cref="SqlToken.Value"/> is its unescaped name.</summary>
    QuotedIdentifier,

    /// <summary>Any string constant: plain, E'', U&amp;'', dollar-quoted, or with a B/X/N prefix word before it.</summary>
    String,
    Number,

    /// <summary>One operator or punctuation character.</summary>
    Symbol,
    Semicolon,

    /// <summary>A placeholder: <c>$1</c>, <c>$name</c> or <c>?</c>.</summary>
    Parameter,
}

/// <param name="SpaceBefore">Whether whitespace or a comment separates this token from the previous one.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, string Value, bool SpaceBefore)
{
    public bool IsWord(string lowerCaseWord) => Kind == SqlTokenKind.Word && Value == lowerCaseWord;

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Value.Length == 1 && Value[0] == symbol;
}

/// <summary>One statement of a script: its tokens, without the semicolon that ends it.</summary>
internal sealed class SqlStatementTokens(string source, IReadOnlyList<SqlToken> tokens)
{
    public IReadOnlyList<SqlToken> Tokens { get; } = tokens;

    /// <summary>The statement as written, from its first token to its last: outer comments and the semicolon dropped.</summary>
    public string Text => source[Tokens[0].Start..(Tokens[^1].Start + Tokens[^1].Length)];

    /// <summary>
    /// Comments removed and whitespace outside literals collapsed to one space. Case is kept: lower-casing would be
    /// wrong inside quoted identifiers, and keeping it can only cost a cache miss, never a wrong hit.
    /// </summary>
    public string Normalized
    {
        get
        {
            var builder = new StringBuilder(Text.Length);
            for (var i = 0; i < Tokens.Count; i++)
            {
                var token = Tokens[i];
                if (i > 0 && token.SpaceBefore)
                {
                    builder.Append(' ');
                }

                builder.Append(source, token.Start, token.Length);
            }

            return builder.ToString();
        }
    }
}

/// <summary>
/// A lexer that knows exactly where strings, quoted identifiers and comments start and end in each dialect, so that
/// the gates look only at real keywords and split statements only on real semicolons.
/// </summary>
internal static class SqlTokenizer
{
    public const string UnterminatedReason = "The SQL has an unterminated string or comment.";

    /// <summary>Splits the SQL into statements; empty statements (such as after a trailing semicolon) are dropped.</summary>
    public static IReadOnlyList<SqlStatementTokens> SplitStatements(string sql, SqlDialect dialect)
    {
        var statements = new List<SqlStatementTokens>();
        var current = new List<SqlToken>();
        foreach (var token in Tokenize(sql, dialect))
        {
            if (token.Kind == SqlTokenKind.Semicolon)
            {
                if (current.Count > 0)
                {
                    statements.Add(new SqlStatementTokens(sql, current));
                    current = [];
                }

                continue;
            }

            current.Add(token);
        }

        if (current.Count > 0)
        {
            statements.Add(new SqlStatementTokens(sql, current));
        }

        return statements;
    }

    /// <summary>Throws <see cref="SqlNotAllowedException"/> for an unterminated string, identifier or comment.</summary>
    public static IReadOnlyList<SqlToken> Tokenize(string sql, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = new List<SqlToken>();
        var i = 0;
        var spaceBefore = false;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                spaceBefore = true;
                continue;
            }

            if (c == '-' && Next(sql, i) == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
                spaceBefore = true;
                continue;
            }

            if (c == '/' && Next(sql, i) == '*')
            {
                i = SkipBlockComment(sql, i, nested: dialect != SqlDialect.Trino);
                spaceBefore = true;
                continue;
            }

            var start = i;
            SqlTokenKind kind;
            string value;
            if (c == '\'')
            {
                i = SkipQuoted(sql, i, '\'', backslashEscapes: false);
                kind = SqlTokenKind.String;
                value = sql[start..i];
            }
            else if ((c is 'e' or 'E') && Next(sql, i) == '\'' && dialect != SqlDialect.Trino)
            {
                i = SkipQuoted(sql, i + 1, '\'', backslashEscapes: true);
                kind = SqlTokenKind.String;
                value = sql[start..i];
            }
            else if ((c is 'u' or 'U') && Next(sql, i) == '&' && i + 2 < sql.Length && sql[i + 2] is '\'' or '"')
            {
                var quote = sql[i + 2];
                i = SkipQuoted(sql, i + 2, quote, backslashEscapes: false);
                kind = quote == '"' ? SqlTokenKind.QuotedIdentifier : SqlTokenKind.String;
                value = quote == '"' ? DecodeUnicodeEscapes(Unquote(sql[(start + 2)..i], '"')) : sql[start..i];
            }
            else if (c == '"')
            {
                i = SkipQuoted(sql, i, '"', backslashEscapes: false);
                kind = SqlTokenKind.QuotedIdentifier;
                value = Unquote(sql[start..i], '"');
            }
            else if (c == '$' && dialect != SqlDialect.Trino)
            {
                (i, kind) = ReadDollar(sql, i);
                value = sql[start..i];
            }
            else if (c == '?' && dialect != SqlDialect.PostgreSql)
            {
                // In PostgreSQL '?' is an operator character (jsonb), not a placeholder.
                i++;
                kind = SqlTokenKind.Parameter;
                value = "?";
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Next(sql, i))))
            {
                i = ReadNumber(sql, i);
                kind = SqlTokenKind.Number;
                value = sql[start..i];
            }
            else if (IsIdentifierStart(c))
            {
                i++;
                while (i < sql.Length && IsIdentifierPart(sql[i]))
                {
                    i++;
                }

                kind = SqlTokenKind.Word;
                value = sql[start..i].ToLowerInvariant();
            }
            else if (c == ';')
            {
                i++;
                kind = SqlTokenKind.Semicolon;
                value = ";";
            }
            else
            {
                i++;
                kind = SqlTokenKind.Symbol;
                value = c.ToString();
            }

            tokens.Add(new SqlToken(kind, start, i - start, value, spaceBefore));
            spaceBefore = false;
        }

        return tokens;
    }

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

    // '$' belongs to identifiers in PostgreSQL and DuckDB (a$b); it is harmless to accept it for Trino too.
    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    private static int SkipBlockComment(string sql, int i, bool nested)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && Next(sql, i) == '*' && (nested || depth == 0))
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && Next(sql, i) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        throw new SqlNotAllowedException(UnterminatedReason);
    }

    /// <summary>Skips a quoted run starting at the opening quote; a doubled quote is an escaped quote.</summary>
    private static int SkipQuoted(string sql, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (backslashEscapes && c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                if (Next(sql, i) == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        throw new SqlNotAllowedException(UnterminatedReason);
    }

    private static string Unquote(string quoted, char quote) =>
        quoted[1..^1].Replace(new string(quote, 2), quote.ToString(), StringComparison.Ordinal);

    /// <summary>Decodes <c>\XXXX</c> and <c>\+XXXXXX</c> escapes of a U&amp;"..." identifier (default escape character).</summary>
    private static string DecodeUnicodeEscapes(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            if (text[i + 1] == '\\')
            {
                builder.Append('\\');
                i++;
            }
            else if (text[i + 1] == '+' && i + 8 <= text.Length && int.TryParse(text.AsSpan(i + 2, 6), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var wide))
            {
                builder.Append(char.ConvertFromUtf32(wide));
                i += 7;
            }
            else if (i + 5 <= text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>At a '$': a dollar-quoted string ($$...$$, $tag$...$tag$), a parameter ($1, $name), or a lone symbol.</summary>
    private static (int End, SqlTokenKind Kind) ReadDollar(string sql, int i)
    {
        var j = i + 1;
        if (j < sql.Length && char.IsAsciiDigit(sql[j]))
        {
            while (j < sql.Length && char.IsAsciiDigit(sql[j]))
            {
                j++;
            }

            return (j, SqlTokenKind.Parameter);
        }

        while (j < sql.Length && (IsIdentifierStart(sql[j]) || char.IsAsciiDigit(sql[j])))
        {
            j++;
        }

        if (j < sql.Length && sql[j] == '$')
        {
            var delimiter = sql[i..(j + 1)];
            var close = sql.IndexOf(delimiter, j + 1, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new SqlNotAllowedException(UnterminatedReason);
            }

            return (close + delimiter.Length, SqlTokenKind.String);
        }

        return j > i + 1 ? (j, SqlTokenKind.Parameter) : (i + 1, SqlTokenKind.Symbol);
    }

    /// <summary>
    /// Digits only, never letters after them: "1delete" is a number and the word "delete", so a keyword cannot hide
    /// behind a digit.
    /// </summary>
    private static int ReadNumber(string sql, int i)
    {
        if (sql[i] == '0' && Next(sql, i) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            i += 2;
            while (i < sql.Length && (char.IsAsciiHexDigit(sql[i]) || sql[i] == '_'))
            {
                i++;
            }

            return i;
        }

        while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '_'))
        {
            i++;
        }

        if (i < sql.Length && sql[i] == '.' && Next(sql, i) != '.')
        {
            i++;
            while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '_'))
            {
                i++;
            }
        }

        if (i < sql.Length && sql[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < sql.Length && sql[j] is '+' or '-')
            {
                j++;
            }

            if (j < sql.Length && char.IsAsciiDigit(sql[j]))
            {
                i = j;
                while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }
}
