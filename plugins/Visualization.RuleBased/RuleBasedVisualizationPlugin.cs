using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Visualization.RuleBased;

[assembly: KurobePlugin(typeof(RuleBasedVisualizationPlugin))]

namespace Kurobe.Visualization.RuleBased;

/// <summary>Kurobe's first-party visualization engine: deterministic chart rules, no model, no configuration.</summary>
public sealed class RuleBasedVisualizationPlugin : IKurobePlugin
{
    public const string PluginName = "rule-based-visualization";
    public const string ProviderName = "rule_based";

    private static readonly EngineProvider Provider = new(EngineKind.Visualization, ProviderName);

    public PluginManifest Manifest { get; } = new(
        PluginName,
        typeof(RuleBasedVisualizationPlugin).Assembly.GetName().Version ?? new Version(0, 0),
        [Provider]);

    public IEngine CreateEngine(EngineProvider provider, EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(context);
        if (provider != Provider)
        {
            throw new ArgumentException(
                $"This plugin serves only the {EngineKind.Visualization} provider '{ProviderName}', not {provider.Kind} '{provider.Name}'.",
                nameof(provider));
        }

        return new RuleBasedVisualizationEngine();
    }
}
