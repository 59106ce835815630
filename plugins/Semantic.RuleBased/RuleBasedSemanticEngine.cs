using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Semantic.RuleBased.Internal;

namespace Kurobe.Semantic.RuleBased;

/// <summary>Reads a question word by word against the model and its known values; what it understands is in the README.</summary>
internal sealed class RuleBasedSemanticEngine(EngineOptions options) : ISemanticEngine
{
    public EngineKind Kind => EngineKind.Semantic;

    public Task<SemanticResult> InterpretAsync(SemanticRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Interpreter.Interpret(request, options));
    }

    public Task<ModelAssistance> AssistAsync(SemanticModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ModelAssistant.Assist(model));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
