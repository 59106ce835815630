using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Plugins.Abstractions.Semantic;

/// <summary>Understands questions in the terms of a semantic model.</summary>
public interface ISemanticEngine : IEngine
{
    /// <summary>Turns a question into a semantic query, or refuses and says which part it could not ground.</summary>
    Task<SemanticResult> InterpretAsync(SemanticRequest request, CancellationToken cancellationToken);

    /// <summary>Suggests improvements to a model, such as synonyms people are likely to use.</summary>
    Task<ModelAssistance> AssistAsync(SemanticModel model, CancellationToken cancellationToken);
}

/// <summary>A question to interpret.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Model">The source's semantic model.</param>
/// <param name="KnownValues">Distinct values of categorical dimensions, by dimension name, as profiled from the source.</param>
/// <param name="ReferenceDate">The date relative periods ("last month") count from.</param>
public sealed record SemanticRequest(
    string Question,
    SemanticModel Model,
    IReadOnlyDictionary<string, IReadOnlyList<string>> KnownValues,
    DateOnly ReferenceDate);

/// <summary>An interpretation: a query, or a refusal with the reason and suggestions.</summary>
/// <param name="Query">The semantic query; null when refused.</param>
/// <param name="Refusal">Why the question could not be interpreted; null when it was.</param>
/// <param name="Suggestions">Rephrasings or model terms that would work, when refused.</param>
/// <param name="Explanation">How the question was read, for people.</param>
/// <param name="Confidence">From 0 to 1, when the engine estimates one.</param>
public sealed record SemanticResult(
    SemanticQuery? Query,
    string? Refusal,
    IReadOnlyList<string> Suggestions,
    string? Explanation,
    double? Confidence)
{
    /// <summary>An interpretation.</summary>
    public static SemanticResult Answer(SemanticQuery query, string? explanation = null, double? confidence = null) =>
        new(query, null, [], explanation, confidence);

    /// <summary>A refusal.</summary>
    public static SemanticResult Refuse(string reason, IReadOnlyList<string>? suggestions = null) =>
        new(null, reason, suggestions ?? [], null, null);
}

/// <summary>Suggested additions to a model.</summary>
/// <param name="Synonyms">New synonyms by measure or dimension name.</param>
/// <param name="Notes">Other observations, for people.</param>
public sealed record ModelAssistance(IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms, IReadOnlyList<string> Notes);
