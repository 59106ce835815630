using System.Globalization;
using System.Text;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>
/// The part of a schema a prompt shows. A small schema is shown whole; a large one is cut to the tables the question,
/// the semantic model and the examples plausibly need, ranked by the words they share with the question.
/// </summary>
internal static class SchemaSelection
{
    public const int MaxColumns = 400;
    public const int MaxTables = 25;

    public static IReadOnlyList<TableSchema> Select(TextToSqlRequest request)
    {
        var tables = request.Schema.Tables;
        if (tables.Count <= MaxTables && tables.Sum(t => t.Columns.Count) <= MaxColumns)
        {
            return tables;
        }

        var words = Words(request.Question);
        var named = NamedTables(request.Model, request.Examples);
        var ranked = tables
            .Select((table, index) => (table, index, score: Score(table, words, named)))
            .Where(t => t.score > 0)
            .OrderByDescending(t => t.score)
            .ThenBy(t => t.index)
            .ToList();
        if (ranked.Count == 0)
        {
            ranked = [.. tables.Select((table, index) => (table, index, score: 0.0))];
        }

        var chosen = new List<(TableSchema Table, int Index)>();
        var columns = 0;
        foreach (var (table, index, _) in ranked)
        {
            if (chosen.Count >= MaxTables || (chosen.Count > 0 && columns + table.Columns.Count > MaxColumns))
            {
                break;
            }

            chosen.Add((table, index));
            columns += table.Columns.Count;
        }

        return [.. chosen.OrderBy(c => c.Index).Select(c => c.Table)];
    }

    public static void Append(StringBuilder text, IReadOnlyList<TableSchema> shown, int total)
    {
        foreach (var table in shown)
        {
            var name = string.IsNullOrEmpty(table.Schema) ? table.Name : $"{table.Schema}.{table.Name}";
            text.Append(CultureInfo.InvariantCulture, $"{(table.IsView ? "View" : "Table")} {name}");
            if (table.RowEstimate is { } rows)
            {
                text.Append(CultureInfo.InvariantCulture, $" (about {rows} rows)");
            }

            text.Append(table.Description is { Length: > 0 } d ? $": {PromptText.OneLine(d)}\n" : "\n");
            foreach (var column in table.Columns)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {column.Name} {column.Type}{(column.Nullable ? "" : " NOT NULL")}");
                text.Append(column.Description is { Length: > 0 } cd ? $" -- {PromptText.OneLine(cd)}\n" : "\n");
            }
        }

        if (shown.Count < total)
        {
            text.Append(CultureInfo.InvariantCulture, $"({total - shown.Count} other tables are not shown; they look unrelated to the question.)\n");
        }
    }

    private static double Score(TableSchema table, HashSet<string> words, HashSet<string> named)
    {
        var score = 0.0;
        if (named.Contains(table.Name.ToLowerInvariant()) || named.Contains($"{table.Schema}.{table.Name}".ToLowerInvariant()))
        {
            score += 5;
        }

        score += 3 * Words(table.Name).Count(words.Contains);
        score += Words(table.Description ?? "").Count(words.Contains) * 0.5;
        foreach (var column in table.Columns)
        {
            score += Words(column.Name).Count(words.Contains);
            score += Words(column.Description ?? "").Count(words.Contains) * 0.25;
        }

        return score;
    }

    private static HashSet<string> NamedTables(SemanticModel? model, IReadOnlyList<VerifiedExample> examples)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model?.Entities ?? [])
        {
            var table = entity.Table.ToLowerInvariant();
            named.Add(table);
            named.Add(table[(table.LastIndexOf('.') + 1)..]);
        }

        foreach (var example in examples)
        {
            foreach (var word in example.Sql.ToLowerInvariant().Split([' ', '\n', '\r', '\t', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                named.Add(word.Trim('"'));
            }
        }

        return named;
    }

    // Lower-case words of three or more letters, split on non-letters and camelCase, with a plural "s" dropped.
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && current.Length > 0 && char.IsLower(text[i - 1]));
            if (boundary && current.Length > 0)
            {
                var word = current.ToString().ToLowerInvariant();
                if (word.Length >= 3)
                {
                    words.Add(word.EndsWith('s') && word.Length > 3 ? word[..^1] : word);
                }

                current.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
        }

        return words;
    }
}
