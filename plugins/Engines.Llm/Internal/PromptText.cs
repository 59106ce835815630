using System.Globalization;
using System.Text;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>Renders the context both engines give a model: the semantic model, profiled values, the date.</summary>
internal static class PromptText
{
    public const int MaxValuesPerName = 50;
    public const int MaxValueLength = 100;

    /// <summary>The user message: the question alone, delimited, so it is never read as instructions.</summary>
    public static string Question(string question)
    {
        // A question cannot close its own delimiter and smuggle text out of it.
        var clean = question.Replace("<question>", "", StringComparison.OrdinalIgnoreCase)
            .Replace("</question>", "", StringComparison.OrdinalIgnoreCase)
            .Trim();
        return $"<question>\n{clean}\n</question>";
    }

    public static string DialectName(SqlDialect dialect) => dialect switch
    {
        SqlDialect.DuckDb => "DuckDB",
        SqlDialect.PostgreSql => "PostgreSQL",
        SqlDialect.Trino => "Trino",
        _ => dialect.ToString(),
    };

    public static string DialectNotes(SqlDialect dialect) => dialect switch
    {
        SqlDialect.DuckDb => "DuckDB: date_trunc('month', d), d - INTERVAL 1 MONTH, strftime(d, '%Y-%m'), ILIKE for case-insensitive matching, LIMIT n.",
        SqlDialect.PostgreSql => "PostgreSQL: date_trunc('month', d), d - INTERVAL '1 month', to_char(d, 'YYYY-MM'), ILIKE for case-insensitive matching, LIMIT n; cast with ::type.",
        SqlDialect.Trino => "Trino: date_trunc('month', d), d - INTERVAL '1' MONTH, format_datetime(d, 'yyyy-MM'), lower(x) LIKE lower(y) for case-insensitive matching, LIMIT n; tables are catalog.schema.table; no ILIKE, no :: casts (use CAST).",
        _ => "",
    };

    public static void AppendReferenceDate(StringBuilder text, DateOnly date) =>
        text.Append(CultureInfo.InvariantCulture, $"Today is {date:yyyy-MM-dd} ({date.DayOfWeek}). Relative periods (\"last month\", \"this year\") count from this date.\n");

    public static void AppendModel(StringBuilder text, SemanticModel model)
    {
        text.Append(CultureInfo.InvariantCulture, $"Semantic model '{model.Name}'");
        text.Append(model.Description is { Length: > 0 } d ? $": {OneLine(d)}\n" : "\n");
        text.Append("Entities:\n");
        foreach (var entity in model.Entities)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {entity.Name}: table {entity.Table} AS {entity.Alias}");
            if (entity.PrimaryKey.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", key ({string.Join(", ", entity.PrimaryKey)})");
            }

            text.Append(entity.Description is { Length: > 0 } ed ? $". {OneLine(ed)}\n" : "\n");
        }

        if (model.Relationships.Count > 0)
        {
            text.Append("Relationships:\n");
            foreach (var r in model.Relationships)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"- {r.From} ({string.Join(", ", r.FromColumns)}) -> {r.To} ({string.Join(", ", r.ToColumns)}), {Cardinality(r.Cardinality)}\n");
            }
        }

        text.Append("Measures:\n");
        foreach (var m in model.Measures)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {m.Name} = {m.Expression}");
            if (m.IsDerived)
            {
                text.Append(" (derived from other measures)");
            }

            if (m.Filter is { Length: > 0 } filter)
            {
                text.Append(CultureInfo.InvariantCulture, $" WHERE {filter}");
            }

            AppendSynonyms(text, m.Synonyms);
            text.Append(m.Description is { Length: > 0 } md ? $". {OneLine(md)}\n" : "\n");
        }

        text.Append("Dimensions:\n");
        foreach (var dimension in model.Dimensions)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {dimension.Name} ({dimension.Type.ToString().ToLowerInvariant()}, entity {dimension.Entity}) = {dimension.Expression}");
            if (dimension.TimeGrains.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"; grains: {string.Join(", ", dimension.TimeGrains.Select(g => g.ToString().ToLowerInvariant()))}");
            }

            AppendSynonyms(text, dimension.Synonyms);
            if (dimension.ValueSynonyms.Count > 0)
            {
                text.Append("; value synonyms: ")
                    .AppendJoin(", ", dimension.ValueSynonyms.Select(v => $"\"{OneLine(v.Key)}\" means \"{OneLine(v.Value)}\""));
            }

            text.Append(dimension.Description is { Length: > 0 } dd ? $". {OneLine(dd)}\n" : "\n");
        }
    }

    public static void AppendKnownValues(StringBuilder text, IReadOnlyDictionary<string, IReadOnlyList<string>> knownValues)
    {
        if (knownValues.Count == 0)
        {
            return;
        }

        text.Append("Known values (as stored; match them exactly):\n");
        foreach (var (name, values) in knownValues.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var shown = values.Take(MaxValuesPerName).Select(v => "\"" + Clip(OneLine(v), MaxValueLength) + "\"");
            text.Append(CultureInfo.InvariantCulture, $"- {name}: {string.Join(", ", shown)}");
            text.Append(values.Count > MaxValuesPerName ? $" and {values.Count - MaxValuesPerName} more\n" : "\n");
        }
    }

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    public static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "...";

    private static void AppendSynonyms(StringBuilder text, IReadOnlyList<string> synonyms)
    {
        if (synonyms.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; also called: {string.Join(", ", synonyms.Select(OneLine))}");
        }
    }

    private static string Cardinality(Cardinality cardinality) => cardinality switch
    {
        Plugins.Abstractions.Semantic.Cardinality.OneToOne => "one to one",
        Plugins.Abstractions.Semantic.Cardinality.OneToMany => "one to many",
        _ => "many to one",
    };
}
