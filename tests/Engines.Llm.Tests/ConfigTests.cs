using Kurobe.Engines.Llm.Tests.Support;
using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Engines.Llm.Tests;

public sealed class ConfigTests
{
    public static TheoryData<string, string, string> InvalidConfigs => new()
    {
        { "openai", """{"api_key_env": "K"}""", "'model' is required" },
        { "openai", """{"model": ""}""", "'model' is required" },
        { "openai_compatible", """{"model": "m"}""", "'endpoint' is required for openai_compatible" },
        { "openai", """{"model": "m", "endpoint": "ftp://x", "api_key_env": "K"}""", "'endpoint' must be an absolute http or https URL" },
        { "openai", """{"model": "m", "endpoint": "https://user:pw@x/v1", "api_key_env": "K"}""", "without credentials" },
        { "openai", """{"model": "m"}""", "'api_key_env' is required" },
        { "anthropic", """{"model": "m"}""", "ANTHROPIC_API_KEY" },
        { "openai", """{"model": "m", "api_key_env": "sk-abc 123"}""", "must be the name of an environment variable" },
        { "openai", """{"model": "m", "api_key_env": "K", "temperature": 3}""", "'temperature' must be a number from 0 to 2" },
        { "openai", """{"model": "m", "api_key_env": "K", "timeout_seconds": 0}""", "'timeout_seconds' must be a number" },
        { "openai", """{"model": "m", "api_key_env": "K", "max_retries": -1}""", "'max_retries' must be a whole number from 0 to 10" },
        { "openai", """{"model": "m", "api_key_env": "K", "max_output_tokens": 1.5}""", "'max_output_tokens' must be a whole number" },
        { "openai", """{"model": "m", "api_key_env": "K", "prices": {"input_per_million": 1}}""", "'prices.output_per_million' is required" },
        { "openai", """{"model": "m", "api_key_env": "K", "prices": {"input_per_million": -1, "output_per_million": 1}}""", "'prices.input_per_million' is required and must be a number of US dollars, 0 or more" },
        { "openai", """{"model": "m", "api_key_env": "K", "prices": {"input": 1}}""", "unknown key 'prices.input'" },
        { "openai", """{"model": "m", "api_key_env": "K", "modle": "x"}""", "unknown key 'modle'" },
        { "openai", """{"model": 5, "api_key_env": "K"}""", "'model' must be a string, not a number" },
        { "openai", """["model"]""", "config must be an object, not a list" },
        { "openai", """{"model": "m", "api_key_env": "K", "api": "openai"}""", "unknown key 'api'" },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void Invalid_config_is_refused_at_creation_with_a_plain_message(string provider, string config, string expected)
    {
        var error = Should.Throw<ArgumentException>(() => Create(new EngineProvider(EngineKind.TextToSql, provider), config, _ => "key"));

        error.Message.ShouldStartWith($"Invalid config for the {provider} engine: ");
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("""{"model": "m", "api_key_env": "K"}""", "'api' is required")]
    [InlineData("""{"api": "gemini", "model": "m", "api_key_env": "K"}""", "'api' must be one of anthropic, openai, openai_compatible, not 'gemini'")]
    public void The_semantic_provider_needs_to_know_which_api_to_use(string config, string expected)
    {
        var error = Should.Throw<ArgumentException>(() => Create(new EngineProvider(EngineKind.Semantic, "llm"), config, _ => "key"));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_key_written_into_the_config_is_refused_without_repeating_it()
    {
        const string key = "sk-live-do-not-show-me";

        var error = Should.Throw<ArgumentException>(() =>
            Create(new EngineProvider(EngineKind.TextToSql, "openai"), $$"""{"model": "m", "api_key": "{{key}}"}""", _ => null));

        error.Message.ShouldContain("keys never go in engines.yaml");
        error.Message.ShouldContain("api_key_env");
        error.Message.ShouldNotContain(key);
    }

    [Fact]
    public void A_named_key_variable_that_is_not_set_is_refused()
    {
        var error = Should.Throw<ArgumentException>(() =>
            Create(new EngineProvider(EngineKind.TextToSql, "anthropic"), """{"model": "m", "api_key_env": "MY_ANTHROPIC_KEY"}""", _ => null));

        error.Message.ShouldBe("Invalid config for the anthropic engine: the environment variable 'MY_ANTHROPIC_KEY' named by api_key_env is not set.");
    }

    [Fact]
    public void Defaults_apply_when_only_the_model_and_key_are_given()
    {
        var settings = Internal.LlmSettings.Parse(System.Text.Json.JsonDocument.Parse("""{"model": "gpt-4.1", "api_key_env": "K"}""").RootElement, Internal.LlmApi.OpenAi, "openai");
        settings.ShouldSatisfyAllConditions(
            s => s.Endpoint.ShouldBe(new Uri("https://api.openai.com/v1")),
            s => s.Temperature.ShouldBe(0),
            s => s.Timeout.ShouldBe(TimeSpan.FromSeconds(30)),
            s => s.MaxRetries.ShouldBe(2),
            s => s.MaxOutputTokens.ShouldBe(1024),
            s => s.Prices.ShouldBeNull());
    }

    [Fact]
    public async Task An_openai_compatible_server_needs_no_key()
    {
        await using var engine = Create(new EngineProvider(EngineKind.TextToSql, "openai_compatible"), """{"model": "llama3.1:8b", "endpoint": "http://localhost:11434/v1"}""", _ => null);

        engine.Kind.ShouldBe(EngineKind.TextToSql);
    }

    private static IEngine Create(EngineProvider provider, string config, Func<string, string?> environment) =>
        LlmEnginesPlugin.CreateEngine(
            provider,
            new EngineContext("default", System.Text.Json.JsonDocument.Parse(config).RootElement.Clone(), new CapturingLoggerFactory(), TimeProvider.System),
            environment,
            transport: null);
}
