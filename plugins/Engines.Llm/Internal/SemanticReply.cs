using System.Text.Json;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>Reads a model's semantic query and checks every name in it against the model.</summary>
internal static class SemanticReply
{
    private static readonly Dictionary<string, FilterOperator> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["equals"] = FilterOperator.Equals, ["eq"] = FilterOperator.Equals, ["="] = FilterOperator.Equals,
        ["not_equals"] = FilterOperator.NotEquals, ["ne"] = FilterOperator.NotEquals, ["!="] = FilterOperator.NotEquals, ["<>"] = FilterOperator.NotEquals,
        ["in"] = FilterOperator.In,
        ["not_in"] = FilterOperator.NotIn,
        ["greater_than"] = FilterOperator.GreaterThan, ["gt"] = FilterOperator.GreaterThan, [">"] = FilterOperator.GreaterThan,
        ["greater_than_or_equal"] = FilterOperator.GreaterThanOrEqual, ["gte"] = FilterOperator.GreaterThanOrEqual, [">="] = FilterOperator.GreaterThanOrEqual,
        ["less_than"] = FilterOperator.LessThan, ["lt"] = FilterOperator.LessThan, ["<"] = FilterOperator.LessThan,
        ["less_than_or_equal"] = FilterOperator.LessThanOrEqual, ["lte"] = FilterOperator.LessThanOrEqual, ["<="] = FilterOperator.LessThanOrEqual,
        ["between"] = FilterOperator.Between,
    };

    /// <summary>The interpretation, or a refusal saying what was wrong with it.</summary>
    public static SemanticResult Read(string reply, SemanticModel model)
    {
        if (ModelJson.FindObject(reply) is not { } json)
        {
            return SemanticResult.Refuse("The model's reply was not the JSON semantic query asked for.");
        }

        if (json.TryGetProperty("query", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            // Some models nest the query; refusal, explanation and confidence stay at the top.
            var refusal = ModelJson.String(json, "refusal");
            if (refusal is not null)
            {
                return SemanticResult.Refuse(refusal, Strings(json, "suggestions"));
            }

            return Read(nested, model, ModelJson.String(json, "explanation"), ModelJson.Number(json, "confidence"));
        }

        if (ModelJson.String(json, "refusal") is { } reason)
        {
            return SemanticResult.Refuse(reason, Strings(json, "suggestions"));
        }

        return Read(json, model, ModelJson.String(json, "explanation"), ModelJson.Number(json, "confidence"));
    }

    private static SemanticResult Read(JsonElement json, SemanticModel model, string? explanation, double? confidence)
    {
        var measures = model.Measures.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        var dimensions = model.Dimensions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        var problems = new List<string>();

        var measureNames = new List<string>();
        foreach (var name in Strings(json, "measures"))
        {
            if (measures.TryGetValue(name, out var measure))
            {
                measureNames.Add(measure.Name);
            }
            else
            {
                unknown.Add(name);
            }
        }

        var dimensionRefs = new List<DimensionRef>();
        foreach (var item in Items(json, "dimensions"))
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : ModelJson.String(item, "name");
            if (name is null || !dimensions.TryGetValue(name, out var dimension))
            {
                unknown.Add(name ?? "(unnamed dimension)");
                continue;
            }

            var grainText = item.ValueKind == JsonValueKind.Object ? ModelJson.String(item, "grain") : null;
            TimeGrain? grain = null;
            if (grainText is not null)
            {
                if (!Enum.TryParse<TimeGrain>(grainText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    problems.Add($"'{grainText}' is not a time grain");
                }
                else if (dimension.Type != DimensionType.Time || (dimension.TimeGrains.Count > 0 && !dimension.TimeGrains.Contains(parsed)))
                {
                    problems.Add($"{dimension.Name} cannot be grouped by {grainText}");
                }
                else
                {
                    grain = parsed;
                }
            }

            dimensionRefs.Add(new DimensionRef(dimension.Name, grain));
        }

        var filters = new List<SemanticFilter>();
        foreach (var item in Items(json, "filters"))
        {
            var field = ModelJson.String(item, "field");
            var canonical = field is null ? null
                : dimensions.TryGetValue(field, out var d) ? d.Name
                : measures.TryGetValue(field, out var m) ? m.Name
                : null;
            if (canonical is null)
            {
                unknown.Add(field ?? "(unnamed filter field)");
                continue;
            }

            var operatorText = ModelJson.String(item, "operator") ?? "";
            if (!Operators.TryGetValue(operatorText, out var op))
            {
                problems.Add($"'{operatorText}' is not a filter operator");
                continue;
            }

            var values = Strings(item, "values");
            if (values.Count == 0 && item.TryGetProperty("value", out var single))
            {
                values = [ValueText(single)];
            }

            var expected = op switch
            {
                FilterOperator.In or FilterOperator.NotIn => values.Count >= 1,
                FilterOperator.Between => values.Count == 2,
                _ => values.Count == 1,
            };
            if (!expected)
            {
                problems.Add($"the {operatorText} filter on {canonical} has {values.Count} value(s)");
                continue;
            }

            if (dimensions.TryGetValue(canonical, out var filtered) && filtered.ValueSynonyms.Count > 0)
            {
                values = [.. values.Select(v => filtered.ValueSynonyms.FirstOrDefault(s => s.Key.Equals(v, StringComparison.OrdinalIgnoreCase)).Value ?? v)];
            }

            filters.Add(new SemanticFilter(canonical, op, values));
        }

        var inQuery = new HashSet<string>(measureNames.Concat(dimensionRefs.Select(r => r.Name)), StringComparer.OrdinalIgnoreCase);
        var order = new List<SemanticOrder>();
        foreach (var item in Items(json, "order_by"))
        {
            var field = item.ValueKind == JsonValueKind.String ? item.GetString() : ModelJson.String(item, "field");
            if (field is null || !inQuery.Contains(field))
            {
                if (field is not null && !measures.ContainsKey(field) && !dimensions.ContainsKey(field))
                {
                    unknown.Add(field);
                }
                else
                {
                    problems.Add($"it sorts by {field ?? "nothing"}, which is not in the query");
                }

                continue;
            }

            var descending = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("descending", out var desc) && desc.ValueKind == JsonValueKind.True;
            order.Add(new SemanticOrder(measures.TryGetValue(field, out var om) ? om.Name : dimensions[field].Name, descending));
        }

        int? limit = null;
        if (json.TryGetProperty("limit", out var limitValue) && limitValue.ValueKind != JsonValueKind.Null)
        {
            if (limitValue.ValueKind == JsonValueKind.Number && limitValue.TryGetInt32(out var n) && n > 0)
            {
                limit = n;
            }
            else
            {
                problems.Add("its limit is not a positive whole number");
            }
        }

        if (unknown.Count > 0)
        {
            return SemanticResult.Refuse(
                $"The model's interpretation used names that are not in the semantic model: {string.Join(", ", unknown.Distinct(StringComparer.Ordinal))}.",
                Available(model));
        }

        if (measureNames.Count == 0)
        {
            problems.Insert(0, "it names no measure");
        }

        if (problems.Count > 0)
        {
            return SemanticResult.Refuse($"The model's interpretation is not a valid query: {string.Join("; ", problems)}.", Available(model));
        }

        var query = new SemanticQuery(measureNames, dimensionRefs, filters, order, limit);
        return SemanticResult.Answer(query, explanation, confidence is { } c && double.IsFinite(c) ? Math.Clamp(c, 0, 1) : null);
    }

    public static ModelAssistance ReadAssistance(string reply, SemanticModel model)
    {
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var notes = new List<string>();
        if (ModelJson.FindObject(reply) is not { } json)
        {
            return new ModelAssistance(synonyms, ["The model's reply was not the JSON asked for."]);
        }

        var known = model.Measures.Select(m => (m.Name, m.Synonyms))
            .Concat(model.Dimensions.Select(d => (d.Name, d.Synonyms)))
            .ToDictionary(x => x.Name, x => x.Synonyms, StringComparer.OrdinalIgnoreCase);
        if (json.TryGetProperty("synonyms", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (!known.TryGetValue(property.Name, out var existing))
                {
                    continue;
                }

                var name = known.Keys.First(k => k.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
                var fresh = Strings(map, property.Name)
                    .Where(s => !existing.Contains(s, StringComparer.OrdinalIgnoreCase) && !s.Equals(name, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
                if (fresh.Count > 0)
                {
                    synonyms[name] = fresh;
                }
            }
        }

        notes.AddRange(Strings(json, "notes"));
        return new ModelAssistance(synonyms, notes);
    }

    private static List<string> Available(SemanticModel model) =>
    [
        $"Measures: {string.Join(", ", model.Measures.Select(m => m.Name))}",
        $"Dimensions: {string.Join(", ", model.Dimensions.Select(d => d.Name))}",
    ];

    private static JsonElement[] Items(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static List<string> Strings(JsonElement json, string name) =>
        [.. Items(json, name).Select(ValueText).Where(s => s.Length > 0)];

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "",
    };
}
