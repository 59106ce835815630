using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Asking.Answering;

/// <summary>
/// The part of a schema an engine needs: the tables the model's entities sit on, or, without a model, the tables whose
/// names or columns share a word with the question (all of them when none does), up to a limit.
/// </summary>
internal static class RelevantSchema
{
    public static DatabaseSchema Select(DatabaseSchema schema, SemanticModel? model, string question, int maxTables)
    {
        IEnumerable<TableSchema> tables = schema.Tables;
        if (model is not null)
        {
            var modelTables = model.Entities.Select(e => e.Table).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var onModel = schema.Tables.Where(t => modelTables.Contains(t.Name) || modelTables.Contains($"{t.Schema}.{t.Name}")).ToList();
            if (onModel.Count > 0)
            {
                tables = onModel;
            }
        }
        else if (schema.Tables.Count > maxTables)
        {
            var words = Words.Of(question);
            var scored = schema.Tables
                .Select(t => (Table: t, Score: Words.Of(t.Name).Count(words.Contains) * 2 + t.Columns.Count(c => Words.Of(c.Name).Overlaps(words))))
                .Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score)
                .Select(s => s.Table)
                .ToList();
            if (scored.Count > 0)
            {
                tables = scored;
            }
        }

        return new DatabaseSchema([.. tables.Take(maxTables)]);
    }
}

/// <summary>Lower-case words of a text, for rough similarity between questions and names.</summary>
internal static class Words
{
    private static readonly char[] Separators = [' ', '_', '-', '.', ',', '?', '!', ';', ':', '(', ')', '"', '\'', '/', '\t', '\n', '\r'];

    public static HashSet<string> Of(string text) =>
        text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Jaccard similarity of the two texts' words, from 0 to 1.</summary>
    public static double Similarity(HashSet<string> a, string text)
    {
        var b = Of(text);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
