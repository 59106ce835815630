using System.Text.Json;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Semantic.RuleBased.Tests.Support;

/// <summary>The engine as the host creates it, asked about the retail model on <see cref="Retail.Today"/>.</summary>
internal static class Engine
{
    public static EngineContext Context(string config = "{}") =>
        new("default", JsonDocument.Parse(config).RootElement.Clone(), NullLoggerFactory.Instance, TimeProvider.System);

    public static ISemanticEngine Create(string config = "{}")
    {
        var plugin = new RuleBasedSemanticPlugin();
        return plugin.CreateEngine(plugin.Manifest.Providers[0], Context(config)).ShouldBeAssignableTo<ISemanticEngine>()!;
    }

    public static async Task<SemanticResult> AskAsync(string question, string config = "{}")
    {
        await using var engine = Create(config);
        return await engine.InterpretAsync(
            new SemanticRequest(question, Retail.Model, Retail.KnownValues, Retail.Today), TestContext.Current.CancellationToken);
    }

    /// <summary>Asks and expects an answer, failing with the refusal when there is none.</summary>
    public static async Task<SemanticQuery> QueryAsync(string question, string config = "{}")
    {
        var result = await AskAsync(question, config);
        result.Refusal.ShouldBeNull($"'{question}' was refused");
        return result.Query.ShouldNotBeNull();
    }
}
