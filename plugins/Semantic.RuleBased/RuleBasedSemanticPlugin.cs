using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Semantic.RuleBased;
using Kurobe.Semantic.RuleBased.Internal;

[assembly: KurobePlugin(typeof(RuleBasedSemanticPlugin))]

namespace Kurobe.Semantic.RuleBased;

/// <summary>Kurobe's first-party semantic engine: deterministic reading of questions against a model, no language model.</summary>
public sealed class RuleBasedSemanticPlugin : IKurobePlugin
{
    public const string PluginName = "rule-based-semantic";
    public const string ProviderName = "rule_based";

    private static readonly EngineProvider Provider = new(EngineKind.Semantic, ProviderName);

    public PluginManifest Manifest { get; } = new(
        PluginName,
        typeof(RuleBasedSemanticPlugin).Assembly.GetName().Version ?? new Version(0, 0),
        [Provider]);

    public IEngine CreateEngine(EngineProvider provider, EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(context);
        if (provider != Provider)
        {
            throw new ArgumentException(
                $"This plugin serves only the {EngineKind.Semantic} provider '{ProviderName}', not {provider.Kind} '{provider.Name}'.",
                nameof(provider));
        }

        return new RuleBasedSemanticEngine(EngineOptions.Parse(context.Config));
    }
}
