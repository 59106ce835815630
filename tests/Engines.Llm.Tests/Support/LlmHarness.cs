using System.Text.Json;
using Kurobe.LlmFakes;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Engines.Llm.Tests.Support;

/// <summary>A started fake provider that requires a fresh key, and engines configured to talk to it through the real SDKs.</summary>
internal sealed class LlmHarness : IAsyncDisposable
{
    public const string KeyVariable = "KUROBE_TEST_LLM_KEY";

    private readonly List<IEngine> _engines = [];

    private LlmHarness()
    {
    }

    public string ApiKey { get; } = "sk-test-" + Guid.NewGuid().ToString("N");

    public FakeLlmServer Server { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<LlmHarness> StartAsync()
    {
        var harness = new LlmHarness();
        await harness.Server.StartAsync(Token);
        harness.Server.RequiredApiKey = harness.ApiKey;
        return harness;
    }

    public static string ModelFor(string api) => api switch
    {
        "anthropic" => "claude-test",
        "openai" => "gpt-test",
        _ => "llama-test",
    };

    /// <summary>A profile config for <paramref name="api"/> pointing at the fake.</summary>
    public Dictionary<string, object?> Config(string api) => new()
    {
        ["model"] = ModelFor(api),
        ["endpoint"] = api switch
        {
            "anthropic" => Server.AnthropicEndpoint.AbsoluteUri,
            "openai" => Server.OpenAiEndpoint.AbsoluteUri,

            // Mounted without /v1, as some local servers are: requests go to /chat/completions.
            _ => Server.BaseUri.AbsoluteUri,
        },
        ["api_key_env"] = KeyVariable,
    };

    public ITextToSqlEngine TextToSql(string provider, Action<Dictionary<string, object?>>? configure = null)
    {
        var config = Config(provider);
        configure?.Invoke(config);
        return (ITextToSqlEngine)Create(new EngineProvider(EngineKind.TextToSql, provider), config);
    }

    public ISemanticEngine Semantic(string api = "openai", Action<Dictionary<string, object?>>? configure = null)
    {
        var config = Config(api);
        config["api"] = api;
        configure?.Invoke(config);
        return (ISemanticEngine)Create(new EngineProvider(EngineKind.Semantic, "llm"), config);
    }

    public IEngine Create(EngineProvider provider, Dictionary<string, object?> config)
    {
        var engine = LlmEnginesPlugin.CreateEngine(provider, Context(config), Environment, transport: null);
        _engines.Add(engine);
        return engine;
    }

    public EngineContext Context(object config) =>
        new("default", JsonSerializer.SerializeToElement(config), Logs, TimeProvider.System);

    public string? Environment(string name) => name == KeyVariable ? ApiKey : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
