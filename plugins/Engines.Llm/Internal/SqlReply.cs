namespace Kurobe.Engines.Llm.Internal;

/// <summary>What a model answered to a text-to-SQL prompt, read leniently.</summary>
internal sealed record SqlReply(string? Sql, string? Refusal, string? Explanation, double? Confidence)
{
    /// <summary>
    /// Reads <c>{"sql", "refusal", "explanation", "confidence"}</c>, bare or fenced; failing that, a fenced
    /// <c>sql</c> block; failing that, a reply that is nothing but a query.
    /// </summary>
    public static SqlReply Parse(string reply)
    {
        if (ModelJson.FindObject(reply) is { } json && (json.TryGetProperty("sql", out _) || json.TryGetProperty("refusal", out _)))
        {
            var confidence = ModelJson.Number(json, "confidence");
            return new SqlReply(
                ModelJson.String(json, "sql"),
                ModelJson.String(json, "refusal"),
                ModelJson.String(json, "explanation"),
                confidence is { } c && double.IsFinite(c) ? Math.Clamp(c, 0, 1) : null);
        }

        if (ModelJson.FencedSql(reply) is { Length: > 0 } fenced)
        {
            return new SqlReply(fenced, null, null, null);
        }

        var trimmed = reply.Trim();
        return trimmed.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)
            ? new SqlReply(trimmed, null, null, null)
            : new SqlReply(null, null, null, null);
    }

    /// <summary>The statement without trailing semicolons and blank space.</summary>
    public static string Normalize(string sql) => sql.Trim().TrimEnd(';').TrimEnd();
}
