using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>US dollars per million tokens, for cost accounting.</summary>
internal sealed record ModelPrices(decimal InputPerMillion, decimal OutputPerMillion)
{
    public decimal CostOf(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}

/// <summary>A profile's <c>config</c>, validated. The API key itself is never part of it: only the variable's name.</summary>
internal sealed partial record LlmSettings(
    LlmApi Api,
    string Model,
    Uri Endpoint,
    string? ApiKeyEnv,
    float? Temperature,
    int MaxOutputTokens,
    TimeSpan Timeout,
    int MaxRetries,
    ModelPrices? Prices)
{
    public const float DefaultTemperature = 0;
    public const int DefaultMaxOutputTokens = 1024;
    public const int DefaultTimeoutSeconds = 30;
    public const int DefaultMaxRetries = 2;

    public static readonly Uri AnthropicEndpoint = new("https://api.anthropic.com/");
    public static readonly Uri OpenAiEndpoint = new("https://api.openai.com/v1");

    private const string ApiKey = "api";
    private static readonly string[] CommonKeys =
        ["model", "endpoint", "api_key_env", "temperature", "max_output_tokens", "timeout_seconds", "max_retries", "prices"];

    /// <summary>
    /// Reads a profile's config. <paramref name="api"/> is the provider's protocol, or null for the semantic
    /// <c>llm</c> provider, whose config names it under <c>api</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The config is wrong; the message says what to change.</exception>
    public static LlmSettings Parse(JsonElement config, LlmApi? api, string provider)
    {
        if (config.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            config = JsonDocument.Parse("{}").RootElement;
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(provider, $"config must be an object, not {Describe(config.ValueKind)}.");
        }

        var allowed = api is null ? [ApiKey, .. CommonKeys] : CommonKeys;
        foreach (var property in config.EnumerateObject())
        {
            if (property.Name is "api_key" or "key" or "apikey")
            {
                throw Invalid(provider, $"'{property.Name}' is not read: keys never go in engines.yaml. Put the key in an environment variable and name that variable in api_key_env.");
            }

            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Invalid(provider, $"unknown key '{property.Name}'; the keys are {string.Join(", ", allowed)}.");
            }
        }

        var resolvedApi = api ?? ParseApi(config, provider);
        var model = String(config, "model", provider);
        if (string.IsNullOrWhiteSpace(model))
        {
            throw Invalid(provider, "'model' is required: the model's name, for example "
                + (resolvedApi == LlmApi.Anthropic ? "claude-sonnet-4-5." : resolvedApi == LlmApi.OpenAi ? "gpt-4.1." : "llama3.1:8b."));
        }

        var endpointText = String(config, "endpoint", provider);
        Uri endpoint;
        if (string.IsNullOrWhiteSpace(endpointText))
        {
            endpoint = resolvedApi switch
            {
                LlmApi.Anthropic => AnthropicEndpoint,
                LlmApi.OpenAi => OpenAiEndpoint,
                _ => throw Invalid(provider, "'endpoint' is required for openai_compatible: the server's OpenAI-compatible base URL, for example http://localhost:11434/v1."),
            };
        }
        else if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint!) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            throw Invalid(provider, "'endpoint' must be an absolute http or https URL without credentials.");
        }

        var apiKeyEnv = String(config, "api_key_env", provider);
        if (string.IsNullOrWhiteSpace(apiKeyEnv))
        {
            apiKeyEnv = null;
            if (resolvedApi != LlmApi.OpenAiCompatible)
            {
                throw Invalid(provider, $"'api_key_env' is required: the name of the environment variable that holds the {(resolvedApi == LlmApi.Anthropic ? "Anthropic" : "OpenAI")} API key, for example {(resolvedApi == LlmApi.Anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY")}.");
            }
        }
        else if (!EnvironmentVariableName().IsMatch(apiKeyEnv))
        {
            throw Invalid(provider, "'api_key_env' must be the name of an environment variable (letters, digits and _), not the key itself.");
        }

        var temperature = config.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Null
            ? (float?)null
            : (float)Number(config, "temperature", provider, DefaultTemperature, 0, 2);
        var maxOutputTokens = Integer(config, "max_output_tokens", provider, DefaultMaxOutputTokens, 1, 1_000_000);
        var timeoutSeconds = Number(config, "timeout_seconds", provider, DefaultTimeoutSeconds, 0.001, 3_600);
        var maxRetries = Integer(config, "max_retries", provider, DefaultMaxRetries, 0, 10);
        var prices = ReadPrices(config, provider);

        return new LlmSettings(resolvedApi, model.Trim(), endpoint, apiKeyEnv, temperature, maxOutputTokens,
            TimeSpan.FromSeconds(timeoutSeconds), maxRetries, prices);
    }

    /// <summary>The key from the named variable, read once when the engine is created.</summary>
    /// <exception cref="ArgumentException">The variable is named but not set.</exception>
    public string? ReadApiKey(string provider, Func<string, string?> environment)
    {
        if (ApiKeyEnv is null)
        {
            return null;
        }

        var key = environment(ApiKeyEnv);
        return string.IsNullOrWhiteSpace(key)
            ? throw Invalid(provider, $"the environment variable '{ApiKeyEnv}' named by api_key_env is not set.")
            : key.Trim();
    }

    private static LlmApi ParseApi(JsonElement config, string provider)
    {
        var name = String(config, ApiKey, provider);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid(provider, $"'api' is required: how the model is reached, one of {string.Join(", ", LlmApiNames.All)}.");
        }

        return LlmApiNames.Parse(name.Trim())
            ?? throw Invalid(provider, $"'api' must be one of {string.Join(", ", LlmApiNames.All)}, not '{name}'.");
    }

    private static ModelPrices? ReadPrices(JsonElement config, string provider)
    {
        if (!config.TryGetProperty("prices", out var prices) || prices.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (prices.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(provider, "'prices' must be an object with input_per_million and output_per_million (US dollars).");
        }

        foreach (var property in prices.EnumerateObject())
        {
            if (property.Name is not ("input_per_million" or "output_per_million"))
            {
                throw Invalid(provider, $"unknown key 'prices.{property.Name}'; the keys are input_per_million, output_per_million.");
            }
        }

        return new ModelPrices(Price(prices, "input_per_million", provider), Price(prices, "output_per_million", provider));
    }

    private static decimal Price(JsonElement prices, string name, string provider) =>
        prices.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var price) && price >= 0
            ? price
            : throw Invalid(provider, $"'prices.{name}' is required and must be a number of US dollars, 0 or more.");

    private static string? String(JsonElement config, string name, string provider)
    {
        if (!config.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Invalid(provider, $"'{name}' must be a string, not {Describe(value.ValueKind)}.");
    }

    private static double Number(JsonElement config, string name, string provider, double fallback, double min, double max)
    {
        if (!config.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max
            ? number
            : throw Invalid(provider, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a number from {min} to {max}."));
    }

    private static int Integer(JsonElement config, string name, string provider, int fallback, int min, int max)
    {
        if (!config.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw Invalid(provider, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number from {min} to {max}."));
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static ArgumentException Invalid(string provider, string problem) =>
        new($"Invalid config for the {provider} engine: {problem}");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentVariableName();
}
