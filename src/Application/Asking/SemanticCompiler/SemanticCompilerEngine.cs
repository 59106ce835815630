using Kurobe.Application.Engines.Ports;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Application.Asking.SemanticCompiler;

/// <summary>
/// Writes SQL by composition: the semantic engine of <see cref="SemanticProfile"/> turns the question into a semantic
/// query, and <see cref="ISemanticQueryCompiler"/> turns that into SQL for the request's dialect. Whatever either
/// cannot ground becomes a refusal with the reason and suggestions, never made-up SQL.
/// </summary>
internal sealed class SemanticCompilerEngine(
    Func<IEngineRegistry> registry,
    Func<ISemanticQueryCompiler> compiler,
    string semanticProfile)
    : ITextToSqlEngine
{
    public const string NoModelRefusal =
        "This data source has no semantic model, and the semantic_compiler engine answers only from one. "
        + "Describe the source in a semantic model, or use an engine that writes SQL from the schema.";

    public EngineKind Kind => EngineKind.TextToSql;

    public string SemanticProfile => semanticProfile;

    public async Task<TextToSqlResult> GenerateSqlAsync(TextToSqlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Model is not { } model)
        {
            return TextToSqlResult.Refuse(NoModelRefusal);
        }

        SemanticResult interpretation;
        using (var lease = registry().Lease<ISemanticEngine>(EngineKind.Semantic, semanticProfile))
        {
            interpretation = await lease.Engine.InterpretAsync(
                new SemanticRequest(request.Question, model, request.KnownValues, request.ReferenceDate), cancellationToken);
        }

        if (interpretation.Query is not { } query)
        {
            var reason = string.IsNullOrWhiteSpace(interpretation.Refusal) ? "The question could not be read in the terms of the model." : interpretation.Refusal;
            return TextToSqlResult.Refuse(reason) with { Suggestions = interpretation.Suggestions ?? [] };
        }

        try
        {
            var compiled = compiler().Compile(model, query, request.Dialect);
            return TextToSqlResult.Answer(compiled.Sql, interpretation.Explanation, interpretation.Confidence);
        }
        catch (SemanticQueryException exception)
        {
            return TextToSqlResult.Refuse(exception.Message) with { Suggestions = Suggest(model, interpretation) };
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IReadOnlyList<string> Suggest(SemanticModel model, SemanticResult interpretation) =>
        interpretation.Suggestions is { Count: > 0 } suggestions
            ? suggestions
            : [$"Ask for one of the measures: {string.Join(", ", model.Measures.Select(m => m.Name).Take(8))}."];
}
