using System.Diagnostics;
using System.Reflection;
using Kurobe.Application.Engines.Ports;
using Kurobe.Engines.Llm.Tests.Support;
using Kurobe.Infrastructure.Plugins;
using Kurobe.LlmFakes;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Plugins.Abstractions.TextToSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kurobe.Engines.Llm.Tests;

public sealed class PluginTests
{
    private static readonly Assembly PluginAssembly = typeof(LlmEnginesPlugin).Assembly;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string PluginOutput => Path.Combine(AppContext.BaseDirectory, "llm-plugin");

    [Fact]
    public void The_manifest_names_the_plugin_and_its_four_providers()
    {
        var attribute = PluginAssembly.GetCustomAttribute<KurobePluginAttribute>().ShouldNotBeNull();
        attribute.PluginType.ShouldBe(typeof(LlmEnginesPlugin));
        PluginAssembly.GetName().Name.ShouldBe("Kurobe.Engines.Llm");

        var manifest = new LlmEnginesPlugin().Manifest;

        manifest.Name.ShouldBe("llm-engines");
        manifest.Version.ShouldBe(PluginAssembly.GetName().Version);
        manifest.Providers.ShouldBe(
        [
            new EngineProvider(EngineKind.TextToSql, "anthropic"),
            new EngineProvider(EngineKind.TextToSql, "openai"),
            new EngineProvider(EngineKind.TextToSql, "openai_compatible"),
            new EngineProvider(EngineKind.Semantic, "llm"),
        ]);
    }

    [Fact]
    public void Create_engine_refuses_providers_it_does_not_serve()
    {
        var plugin = new LlmEnginesPlugin();
        var context = new EngineContext("default", System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone(), new CapturingLoggerFactory(), TimeProvider.System);

        Should.Throw<ArgumentException>(() => plugin.CreateEngine(new EngineProvider(EngineKind.Semantic, "openai"), context));
        Should.Throw<ArgumentException>(() => plugin.CreateEngine(new EngineProvider(EngineKind.Visualization, "llm"), context));
    }

    [Fact]
    public void The_build_output_ships_the_plugins_dependencies_but_not_the_contracts()
    {
        var files = Directory.EnumerateFiles(PluginOutput).Select(Path.GetFileName).ToList();

        files.ShouldContain("Kurobe.Engines.Llm.dll");
        files.ShouldContain("Kurobe.Engines.Llm.deps.json");
        files.ShouldContain("Anthropic.dll");
        files.ShouldContain("OpenAI.dll");
        files.ShouldContain("System.ClientModel.dll");
        files.ShouldContain("Microsoft.Extensions.AI.dll");
        files.ShouldContain("Microsoft.Extensions.AI.Abstractions.dll");
        files.ShouldContain("Microsoft.Extensions.AI.OpenAI.dll");
        files.ShouldNotContain("Kurobe.Plugins.Abstractions.dll");
    }

    [Fact]
    public async Task The_real_plugin_host_loads_the_plugin_from_its_folder_and_its_engines_answer()
    {
        await using var harness = await LlmHarness.StartAsync();
        var root = Path.Combine(Path.GetTempPath(), "kurobe-llm-plugin-" + Guid.NewGuid().ToString("N"));
        var keyVariable = "KUROBE_LLM_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(keyVariable, harness.ApiKey);
        try
        {
            var folder = Path.Combine(root, "plugins", "llm");
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(PluginOutput))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            Directory.CreateDirectory(Path.Combine(root, "config"));
            await File.WriteAllTextAsync(Path.Combine(root, "config", "engines.yaml"), $"""
                text_to_sql:
                  default:
                    provider: openai
                    config: {"{"} model: gpt-test, endpoint: "{harness.Server.OpenAiEndpoint.AbsoluteUri}", api_key_env: {keyVariable}, prices: {"{"} input_per_million: 2, output_per_million: 8 {"}"} {"}"}
                  claude:
                    provider: anthropic
                    config: {"{"} model: claude-test, endpoint: "{harness.Server.AnthropicEndpoint.AbsoluteUri}", api_key_env: {keyVariable} {"}"}
                semantic:
                  default:
                    provider: llm
                    config: {"{"} api: openai_compatible, model: llama-test, endpoint: "{harness.Server.BaseUri.AbsoluteUri}v1", api_key_env: {keyVariable} {"}"}
                """, Token);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kurobe:Plugins:Directory"] = Path.Combine(root, "plugins"),
                ["KUROBE_CONFIG_DIR"] = Path.Combine(root, "config"),
            }).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            services.AddKurobePlugins();
            await using var provider = services.BuildServiceProvider();
            var hosted = provider.GetServices<IHostedService>().ToList();
            foreach (var service in hosted)
            {
                await service.StartAsync(Token);
            }

            var registry = provider.GetRequiredService<IEngineRegistry>();
            registry.Statuses.ShouldAllBe(s => s.State == EngineState.Ready && s.Plugin == "llm-engines");
            registry.Statuses.Count.ShouldBe(3);

            harness.Server.Enqueue(FakeReply.Sql("SELECT 1"), FakeReply.Sql("SELECT 2"), FakeReply.Content("""{"measures": ["revenue"]}"""));
            using (var lease = registry.Lease<ITextToSqlEngine>(EngineKind.TextToSql))
            {
                var result = await lease.Engine.GenerateSqlAsync(Retail.Question("One"), Token);
                result.Sql.ShouldBe("SELECT 1");
                result.Usage.ShouldBe(new ModelUsage("gpt-test", FakeReply.DefaultInputTokens, FakeReply.DefaultOutputTokens, 0.00304m));
            }

            using (var lease = registry.Lease<ITextToSqlEngine>(EngineKind.TextToSql, "claude"))
            {
                (await lease.Engine.GenerateSqlAsync(Retail.Question("Two"), Token)).Sql.ShouldBe("SELECT 2");
            }

            using (var lease = registry.Lease<ISemanticEngine>(EngineKind.Semantic))
            {
                var result = await lease.Engine.InterpretAsync(Retail.SemanticQuestion("Revenue"), Token);
                result.Query.ShouldNotBeNull().Measures.ShouldBe(["revenue"]);
            }

            harness.Server.Requests.Select(r => r.Path).ShouldBe(["/v1/chat/completions", "/v1/messages", "/v1/chat/completions"]);
            foreach (var service in hosted)
            {
                await service.StopAsync(Token);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVariable, null);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Each_call_emits_a_gen_ai_span_from_the_plugins_activity_source()
    {
        // Tests run in parallel and other calls emit spans too: collect only this test's trace.
        using var testSource = new ActivitySource("Kurobe.Engines.Llm.Tests");
        var trace = default(ActivityTraceId);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Kurobe.Engines.Llm" or "Kurobe.Engines.Llm.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name != "Kurobe.Engines.Llm" || activity.TraceId != trace)
                {
                    return;
                }

                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = testSource.StartActivity("test").ShouldNotBeNull();
        trace = parent.TraceId;
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Sql("SELECT 1"));
        await using var engine = harness.TextToSql("openai");

        await engine.GenerateSqlAsync(Retail.Question("One"), Token);

        Activity span;
        lock (spans)
        {
            span = spans.ShouldHaveSingleItem();
        }

        span.GetTagItem("gen_ai.request.model").ShouldBe("gpt-test");
        span.GetTagItem("gen_ai.usage.input_tokens").ShouldBe(FakeReply.DefaultInputTokens);
        span.GetTagItem("gen_ai.usage.output_tokens").ShouldBe(FakeReply.DefaultOutputTokens);
    }
}
