using System.Text.Json;
using Kurobe.Application.Engines.Ports;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Plugins.Abstractions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Application.Asking.SemanticCompiler;

/// <summary>
/// The built-in text-to-SQL provider <c>semantic_compiler</c>: a semantic engine reads the question in the model's
/// terms and the host's compiler writes the SQL. Its profile's config may name the semantic profile to use:
/// <c>{ semantic_profile: "default" }</c>.
/// </summary>
public sealed class SemanticCompilerEngineProvider(IServiceProvider services) : IBuiltInEngineProvider
{
    public const string ProviderName = "semantic_compiler";

    public const string DefaultSemanticProfile = "default";

    public EngineProvider Provider { get; } = new(EngineKind.TextToSql, ProviderName);

    public IEngine Create(EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var semanticProfile = ReadSemanticProfile(context.Config);
        // Resolved on first use: the registry builds engines from the providers, so it cannot be a constructor dependency.
        return new SemanticCompilerEngine(
            () => services.GetRequiredService<IEngineRegistry>(),
            () => services.GetRequiredService<ISemanticQueryCompiler>(),
            semanticProfile);
    }

    private static string ReadSemanticProfile(JsonElement config)
    {
        if (config.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return DefaultSemanticProfile;
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The semantic_compiler config must be an object.");
        }

        foreach (var property in config.EnumerateObject())
        {
            if (property.Name != "semantic_profile")
            {
                throw new ArgumentException($"The semantic_compiler config has no setting '{property.Name}'; it knows semantic_profile.");
            }
        }

        if (!config.TryGetProperty("semantic_profile", out var profile))
        {
            return DefaultSemanticProfile;
        }

        return profile.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(profile.GetString())
            ? profile.GetString()!
            : throw new ArgumentException("semantic_profile must be a profile name.");
    }
}
