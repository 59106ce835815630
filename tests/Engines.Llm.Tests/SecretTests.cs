using Kurobe.Engines.Llm.Internal;
using Kurobe.Engines.Llm.Tests.Support;
using Kurobe.LlmFakes;

namespace Kurobe.Engines.Llm.Tests;

public sealed class SecretTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task A_provider_that_echoes_the_key_in_its_error_does_not_leak_it_into_the_exception_or_the_logs(string provider)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Error(401, "Incorrect API key provided.") with { EchoApiKey = true });
        await using var engine = harness.TextToSql(provider);

        var error = await Should.ThrowAsync<ModelCallFailedException>(() => engine.GenerateSqlAsync(Retail.Question("One"), Token));

        error.Message.ShouldContain("HTTP 401 Unauthorized");
        error.Message.ShouldContain("Key used: [redacted]");
        error.ToString().ShouldNotContain(harness.ApiKey);
        error.InnerException.ShouldBeNull();
        harness.Logs.Lines.Where(l => l.Contains(harness.ApiKey, StringComparison.Ordinal)).ShouldBeEmpty();
        harness.Logs.All.ShouldContain("[redacted]");
    }

    [Fact]
    public async Task No_log_line_of_a_whole_conversation_carries_the_key()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.ServerError(), FakeReply.Sql("DROP TABLE orders"), FakeReply.Sql("SELECT 1"));
        await using var engine = harness.TextToSql("openai");

        await engine.GenerateSqlAsync(Retail.Question("Drop it"), Token);
        await engine.GenerateSqlAsync(Retail.Question("One"), Token);

        harness.Logs.Lines.Count.ShouldBeGreaterThan(3);
        harness.Logs.All.ShouldNotContain(harness.ApiKey);
    }

    [Fact]
    public async Task Engines_log_their_model_and_endpoint_but_not_the_key()
    {
        await using var harness = await LlmHarness.StartAsync();
        await using var engine = harness.TextToSql("anthropic");

        harness.Logs.All.ShouldContain("Created the anthropic engine for profile default: model claude-test at " + harness.Server.AnthropicEndpoint.AbsoluteUri);
        harness.Logs.All.ShouldNotContain(harness.ApiKey);
    }
}
