using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>Finds the JSON object in a model's reply, whether bare, fenced or wrapped in prose.</summary>
internal static partial class ModelJson
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The first JSON object the reply holds, or null.</summary>
    public static JsonElement? FindObject(string reply)
    {
        foreach (var candidate in Candidates(reply))
        {
            try
            {
                using var document = JsonDocument.Parse(candidate, Lenient);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
            }
        }

        return null;
    }

    /// <summary>The contents of the first fenced code block tagged <c>sql</c> (or untagged), or null.</summary>
    public static string? FencedSql(string reply)
    {
        var match = FencedBlock().Matches(reply).FirstOrDefault(m => m.Groups["lang"].Value.Length == 0 || m.Groups["lang"].Value.Equals("sql", StringComparison.OrdinalIgnoreCase));
        return match?.Groups["body"].Value.Trim();
    }

    public static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    public static double? Number(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    private static IEnumerable<string> Candidates(string reply)
    {
        var trimmed = reply.Trim();
        yield return trimmed;
        foreach (Match match in FencedBlock().Matches(reply))
        {
            if (match.Groups["lang"].Value.Length == 0 || match.Groups["lang"].Value.Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                yield return match.Groups["body"].Value;
            }
        }

        var start = trimmed.IndexOf('{', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            yield return trimmed[start..(end + 1)];
        }
    }

    [GeneratedRegex(@"```[ \t]*(?<lang>[A-Za-z0-9_-]*)[ \t]*\r?\n(?<body>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FencedBlock();
}
