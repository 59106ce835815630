using Kurobe.Engines.Llm.Internal;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Engines.Llm;

/// <summary>
/// Semantic interpretation through a language model: the question and the model go in, a semantic query comes back
/// and is checked name by name against the model; anything it cannot ground becomes a refusal.
/// </summary>
internal sealed class LlmSemanticEngine(ModelClient client) : ISemanticEngine
{
    public EngineKind Kind => EngineKind.Semantic;

    public async Task<SemanticResult> InterpretAsync(SemanticRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var reply = await client.CompleteAsync(SemanticPrompt.Interpret(request), json: true, cancellationToken).ConfigureAwait(false);
        var result = SemanticReply.Read(reply.Text, request.Model);
        if (result.Refusal is { } refusal)
        {
            client.Logger.SemanticQueryRejected(refusal);
        }

        return result;
    }

    public async Task<ModelAssistance> AssistAsync(SemanticModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        var reply = await client.CompleteAsync(SemanticPrompt.Assist(model), json: true, cancellationToken).ConfigureAwait(false);
        return SemanticReply.ReadAssistance(reply.Text, model);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
