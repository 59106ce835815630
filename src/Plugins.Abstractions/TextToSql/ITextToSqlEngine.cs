using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Plugins.Abstractions.TextToSql;

/// <summary>
/// Writes SQL for a question. The host treats what it returns like SQL from a person: it passes the statement gate
/// and runs read-only and sandboxed.
/// </summary>
public interface ITextToSqlEngine : IEngine
{
    /// <summary>Writes one read-only statement answering the question, or refuses and says why.</summary>
    Task<TextToSqlResult> GenerateSqlAsync(TextToSqlRequest request, CancellationToken cancellationToken);
}

/// <summary>A question to answer with SQL.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Schema">The part of the source's schema relevant to the question.</param>
/// <param name="Model">The source's semantic model, when it has one.</param>
/// <param name="Dialect">The SQL dialect to write.</param>
/// <param name="Examples">Questions with SQL a person verified, most similar first.</param>
/// <param name="KnownValues">Distinct values of categorical columns or dimensions, by name, as profiled from the source.</param>
/// <param name="ReferenceDate">The date relative periods ("last month") count from.</param>
/// <param name="PreviousAttempt">When the host asks again: the SQL tried before and the error it got.</param>
public sealed record TextToSqlRequest(
    string Question,
    DatabaseSchema Schema,
    SemanticModel? Model,
    SqlDialect Dialect,
    IReadOnlyList<VerifiedExample> Examples,
    IReadOnlyDictionary<string, IReadOnlyList<string>> KnownValues,
    DateOnly ReferenceDate,
    FailedAttempt? PreviousAttempt = null);

/// <summary>A question and SQL that answers it correctly, verified by a person.</summary>
/// <param name="Question">The question.</param>
/// <param name="Sql">The SQL.</param>
public sealed record VerifiedExample(string Question, string Sql);

/// <summary>SQL that did not work, and why, for a corrected attempt.</summary>
/// <param name="Sql">The SQL tried.</param>
/// <param name="Error">The gate's or the engine's error message.</param>
public sealed record FailedAttempt(string Sql, string Error);

/// <summary>SQL for a question, or a refusal.</summary>
/// <param name="Sql">One read-only statement; null when refused.</param>
/// <param name="Refusal">Why the question cannot be answered from this data; null when it can.</param>
/// <param name="Explanation">How the SQL answers the question, for people.</param>
/// <param name="Confidence">From 0 to 1, when the engine estimates one.</param>
/// <param name="Usage">Tokens and cost, for engines that call a language model.</param>
public sealed record TextToSqlResult(string? Sql, string? Refusal, string? Explanation, double? Confidence, ModelUsage? Usage = null)
{
    /// <summary>
    /// With a refusal: rephrasings or terms of the data that would work, for people. Set it with
    /// <c>TextToSqlResult.Refuse(reason) with { Suggestions = [...] }</c>.
    /// </summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>An answer.</summary>
    public static TextToSqlResult Answer(string sql, string? explanation = null, double? confidence = null, ModelUsage? usage = null) =>
        new(sql, null, explanation, confidence, usage);

    /// <summary>A refusal.</summary>
    public static TextToSqlResult Refuse(string reason, ModelUsage? usage = null) => new(null, reason, null, null, usage);
}

/// <summary>What a call to a language model used.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="InputTokens">Tokens sent.</param>
/// <param name="OutputTokens">Tokens received.</param>
/// <param name="CostUsd">The cost in US dollars, when the engine knows the prices.</param>
public sealed record ModelUsage(string Model, long InputTokens, long OutputTokens, decimal? CostUsd);
