using Kurobe.Engines.Llm;
using Kurobe.Engines.Llm.Internal;
using Kurobe.Plugins.Abstractions.Hosting;

[assembly: KurobePlugin(typeof(LlmEnginesPlugin))]

namespace Kurobe.Engines.Llm;

/// <summary>
/// Kurobe's language-model engines: text-to-SQL through Anthropic, OpenAI or any OpenAI-compatible server, and
/// semantic interpretation through any of the three. Configuration is described in this plugin's README.
/// </summary>
public sealed class LlmEnginesPlugin : IKurobePlugin
{
    public const string PluginName = "llm-engines";
    public const string SemanticProviderName = "llm";

    private static readonly EngineProvider[] Providers =
    [
        new(EngineKind.TextToSql, LlmApiNames.Anthropic),
        new(EngineKind.TextToSql, LlmApiNames.OpenAi),
        new(EngineKind.TextToSql, LlmApiNames.OpenAiCompatible),
        new(EngineKind.Semantic, SemanticProviderName),
    ];

    public PluginManifest Manifest { get; } = new(
        PluginName,
        typeof(LlmEnginesPlugin).Assembly.GetName().Version ?? new Version(0, 0),
        Providers);

    public IEngine CreateEngine(EngineProvider provider, EngineContext context) => CreateEngine(provider, context, null, null);

    /// <summary>As <see cref="CreateEngine(EngineProvider, EngineContext)"/>, with the environment and transport replaceable for tests.</summary>
    internal static IEngine CreateEngine(EngineProvider provider, EngineContext context, Func<string, string?>? environment, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(context);
        if (!Providers.Contains(provider))
        {
            throw new ArgumentException(
                $"This plugin serves text-to-SQL providers {string.Join(", ", LlmApiNames.All)} and the semantic provider '{SemanticProviderName}', not {provider.Kind} '{provider.Name}'.",
                nameof(provider));
        }

        var api = provider.Kind == EngineKind.TextToSql ? LlmApiNames.Parse(provider.Name) : null;
        var settings = LlmSettings.Parse(context.Config, api, provider.Name);
        var name = provider.Kind == EngineKind.TextToSql ? provider.Name : $"{provider.Name} ({settings.Api.Name()})";
        var client = ModelClient.Create(settings, name, context, environment, transport);
        client.Logger.EngineCreated(name, context.Profile, settings.Model, settings.Endpoint.GetLeftPart(UriPartial.Path));
        return provider.Kind == EngineKind.TextToSql
            ? new LlmTextToSqlEngine(client)
            : new LlmSemanticEngine(client);
    }
}
