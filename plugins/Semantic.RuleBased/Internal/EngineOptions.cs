using System.Text.Json;

namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>A profile's settings: <c>{ "fuzzy": true, "max_limit": 1000 }</c>, both optional.</summary>
internal sealed record EngineOptions(bool Fuzzy, int MaxLimit)
{
    public const int DefaultMaxLimit = 1000;

    public static EngineOptions Default { get; } = new(Fuzzy: true, MaxLimit: DefaultMaxLimit);

    public static EngineOptions Parse(JsonElement config)
    {
        if (config.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Default;
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The rule-based semantic engine's config must be an object, for example { \"fuzzy\": false }.", nameof(config));
        }

        var options = Default;
        foreach (var property in config.EnumerateObject())
        {
            options = property.Name switch
            {
                "fuzzy" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False =>
                    options with { Fuzzy = property.Value.GetBoolean() },
                "fuzzy" => throw new ArgumentException("'fuzzy' must be true or false.", nameof(config)),
                "max_limit" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var limit) && limit >= 1 =>
                    options with { MaxLimit = limit },
                "max_limit" => throw new ArgumentException("'max_limit' must be a whole number of at least 1.", nameof(config)),
                _ => throw new ArgumentException(
                    $"Unknown setting '{property.Name}' for the rule-based semantic engine; it knows 'fuzzy' and 'max_limit'.", nameof(config)),
            };
        }

        return options;
    }
}
