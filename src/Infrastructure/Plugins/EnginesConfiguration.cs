using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kurobe.Plugins.Abstractions.Hosting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kurobe.Infrastructure.Plugins;

/// <summary>One profile of engines.yaml: which provider serves it, with which settings.</summary>
/// <param name="Fallback">The profile of the same kind that answers when this one's engine fails a call.</param>
internal sealed record EngineProfile(EngineKind Kind, string Name, string Provider, JsonElement Config, string? Fallback = null)
{
    public bool SameSettingsAs(EngineProfile other) =>
        Kind == other.Kind && Name == other.Name && Provider == other.Provider && Fallback == other.Fallback
        && Config.GetRawText() == other.Config.GetRawText();
}

/// <summary>The validated content of engines.yaml: profiles per engine kind.</summary>
internal sealed partial class EnginesConfiguration
{
    public static readonly EnginesConfiguration Empty = new([]);

    private static readonly FrozenDictionary<string, EngineKind> Kinds = new Dictionary<string, EngineKind>(StringComparer.Ordinal)
    {
        ["text_to_sql"] = EngineKind.TextToSql,
        ["semantic"] = EngineKind.Semantic,
        ["visualization"] = EngineKind.Visualization,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public EnginesConfiguration(IReadOnlyList<EngineProfile> profiles) => Profiles = profiles;

    public IReadOnlyList<EngineProfile> Profiles { get; }

    public EngineProfile? Find(EngineKind kind, string profile) =>
        Profiles.FirstOrDefault(p => p.Kind == kind && p.Name == profile);

    public static string KindName(EngineKind kind) => kind switch
    {
        EngineKind.TextToSql => "text_to_sql",
        EngineKind.Semantic => "semantic",
        EngineKind.Visualization => "visualization",
        _ => kind.ToString(),
    };

    /// <summary>Reads a file; a missing file means no profiles. Throws <see cref="EnginesConfigurationException"/> when it is invalid.</summary>
    public static EnginesConfiguration Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new EnginesConfigurationException($"{path}: cannot be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static EnginesConfiguration Parse(string yaml, string source = "engines.yaml")
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new EnginesConfigurationException($"{source}: not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Invalid(source, stream.Documents[0].RootNode, "the top level must be a mapping of engine kinds (text_to_sql, semantic, visualization)");
        }

        var profiles = new List<EngineProfile>();
        foreach (var (kindKey, kindNode) in root.Children)
        {
            var kindName = ScalarOf(kindKey);
            if (kindName is null || !Kinds.TryGetValue(kindName, out var kind))
            {
                throw Invalid(source, kindKey, $"unknown engine kind '{kindName}'; expected text_to_sql, semantic or visualization");
            }

            if (kindNode is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                continue;
            }

            if (kindNode is not YamlMappingNode profileNodes)
            {
                throw Invalid(source, kindNode, $"'{kindName}' must be a mapping of profile names to profiles");
            }

            foreach (var (profileKey, profileNode) in profileNodes.Children)
            {
                var profileName = ScalarOf(profileKey);
                if (profileName is null || !ProfileName().IsMatch(profileName))
                {
                    throw Invalid(source, profileKey, $"profile name '{profileName}' under '{kindName}' must match ^[a-z][a-z0-9_-]*$");
                }

                profiles.Add(ParseProfile(source, kind, $"{kindName}.{profileName}", profileName, profileNode));
            }
        }

        foreach (var profile in profiles.Where(p => p.Fallback is not null))
        {
            var where = $"{KindName(profile.Kind)}.{profile.Name}.fallback";
            if (profile.Fallback == profile.Name)
            {
                throw new EnginesConfigurationException($"{source}: '{where}' names the profile itself; a fallback must be another profile.");
            }

            if (!profiles.Any(p => p.Kind == profile.Kind && p.Name == profile.Fallback))
            {
                throw new EnginesConfigurationException(
                    $"{source}: '{where}' names '{profile.Fallback}', which is not a {KindName(profile.Kind)} profile.");
            }
        }

        return new EnginesConfiguration(profiles);
    }

    private static EngineProfile ParseProfile(string source, EngineKind kind, string where, string profileName, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Invalid(source, node, $"'{where}' must be a mapping with 'provider' and optional 'config'");
        }

        string? provider = null;
        string? fallback = null;
        var config = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            switch (ScalarOf(key))
            {
                case "provider":
                    provider = value is YamlScalarNode scalar ? scalar.Value : null;
                    if (provider is null || !ProviderName().IsMatch(provider))
                    {
                        throw Invalid(source, value, $"'{where}.provider' must be a provider name matching ^[a-z][a-z0-9_]*$");
                    }

                    break;
                case "config":
                    if (value is YamlScalarNode { Value: null or "" or "~" or "null" })
                    {
                        break;
                    }

                    if (value is not YamlMappingNode configMapping)
                    {
                        throw Invalid(source, value, $"'{where}.config' must be a mapping");
                    }

                    config = (JsonObject)ToJson(configMapping)!;
                    break;
                case "fallback":
                    fallback = value is YamlScalarNode fallbackScalar ? fallbackScalar.Value : null;
                    if (fallback is null || !ProfileName().IsMatch(fallback))
                    {
                        throw Invalid(source, value, $"'{where}.fallback' must be a profile name matching ^[a-z][a-z0-9_-]*$");
                    }

                    break;
                default:
                    throw Invalid(source, key, $"unknown key '{ScalarOf(key)}' in '{where}'; expected 'provider', 'config' and 'fallback'");
            }
        }

        if (provider is null)
        {
            throw Invalid(source, mapping, $"'{where}' has no 'provider'");
        }

        return new EngineProfile(kind, profileName, provider, JsonSerializer.SerializeToElement(config, PluginJsonContext.Default.JsonObject), fallback);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(ScalarOf(c.Key) ?? string.Empty, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => ScalarToJson(scalar),
        _ => null,
    };

    // Plain scalars are typed the way YAML 1.2's core schema reads them; quoted ones stay strings.
    private static JsonValue? ScalarToJson(YamlScalarNode scalar)
    {
        var value = scalar.Value;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case null or "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }

    private static string? ScalarOf(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static EnginesConfigurationException Invalid(string source, YamlNode node, string message) =>
        new($"{source} (line {node.Start.Line}, column {node.Start.Column}): {message}.");

    [GeneratedRegex("^[a-z][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileName();

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderName();
}

/// <summary>engines.yaml is not valid; the message says where and why.</summary>
internal sealed class EnginesConfigurationException : Exception
{
    public EnginesConfigurationException(string message)
        : base(message)
    {
    }

    public EnginesConfigurationException()
    {
    }

    public EnginesConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
