using System.Text;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>
/// A first, conservative check that a model's SQL is one read-only query: one statement, starting with SELECT or WITH,
/// naming no statement keyword that changes data, schema, settings or files outside string literals, quoted
/// identifiers and comments. The host's statement gate still checks whatever passes.
/// </summary>
internal static class ReadOnlySql
{
    // Statement keywords only: words that are also common function or column names (replace, set, comment, load)
    // would refuse good queries, and the host's gate is the real guard.
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "DROP", "CREATE", "ALTER", "TRUNCATE", "GRANT", "REVOKE",
        "COPY", "ATTACH", "DETACH", "INSTALL", "PRAGMA", "CALL", "EXEC", "EXECUTE", "VACUUM", "INTO",
    };

    /// <summary>Null when the SQL looks like one read-only query; otherwise why not.</summary>
    public static string? Problem(string sql)
    {
        var words = new List<string>();
        var statements = 1;
        var afterEnd = false;
        var code = StripLiteralsAndComments(sql);
        foreach (var token in Tokens(code))
        {
            if (token == ";")
            {
                afterEnd = true;
                continue;
            }

            if (afterEnd)
            {
                statements++;
                afterEnd = false;
            }

            words.Add(token);
        }

        if (words.Count == 0)
        {
            return "the SQL is empty";
        }

        if (statements > 1)
        {
            return "it holds more than one statement";
        }

        var first = words[0].ToUpperInvariant();
        if (first is not ("SELECT" or "WITH" or "("))
        {
            return $"it starts with {first}, not SELECT or WITH";
        }

        for (var i = 1; i < words.Count; i++)
        {
            var isCall = i + 1 < words.Count && words[i + 1] == "(";
            if (Forbidden.Contains(words[i]) && !isCall)
            {
                return $"it contains {words[i].ToUpperInvariant()}";
            }
        }

        return null;
    }

    private static IEnumerable<string> Tokens(string code)
    {
        var word = new StringBuilder();
        foreach (var c in code)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            if (c is ';' or '(')
            {
                yield return c.ToString();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    // Literals and quoted identifiers become a neutral word, comments a space, so that "delete" inside a string or a
    // column named "update" is not taken for a statement.
    private static string StripLiteralsAndComments(string sql)
    {
        var result = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                result.Append(' ');
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                result.Append(' ');
            }
            else if (c is '\'' or '"' or '`')
            {
                i++;
                while (i < sql.Length)
                {
                    if (sql[i] == c)
                    {
                        if (i + 1 < sql.Length && sql[i + 1] == c)
                        {
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    i++;
                }

                i++;
                result.Append(" x ");
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }
}
