using Kurobe.Engines.Llm.Internal;
using Kurobe.Engines.Llm.Tests.Support;
using Kurobe.LlmFakes;

namespace Kurobe.Engines.Llm.Tests;

public sealed class ResilienceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task A_429_is_retried_after_the_retry_after_header_and_then_answered(string provider)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.RateLimited(retryAfterSeconds: 1), FakeReply.Sql("SELECT 1"));
        await using var engine = harness.TextToSql(provider);

        var result = await engine.GenerateSqlAsync(Retail.Question("One"), Token);

        result.Sql.ShouldBe("SELECT 1");
        var requests = harness.Server.Requests;
        requests.Count.ShouldBe(2);
        (requests[1].ReceivedAt - requests[0].ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        harness.Logs.All.ShouldContain("answered HTTP 429; retry 1 of 2 in 1000 ms");
    }

    [Theory]
    [InlineData("anthropic", 500)]
    [InlineData("openai", 503)]
    [InlineData("openai_compatible", 502)]
    public async Task A_5xx_is_retried_with_back_off_and_then_answered(string provider, int status)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.ServerError(status), FakeReply.Sql("SELECT 2"));
        await using var engine = harness.TextToSql(provider);

        var result = await engine.GenerateSqlAsync(Retail.Question("Two"), Token);

        result.Sql.ShouldBe("SELECT 2");
        harness.Server.Requests.Count.ShouldBe(2);
        var requests = harness.Server.Requests;

        // The first back-off is 0.5 s scaled by a jitter factor from 0.5 to 1.5.
        (requests[1].ReceivedAt - requests[0].ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240));
        harness.Logs.All.ShouldContain($"answered HTTP {status}; retry 1 of 2");
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task When_retries_are_exhausted_the_error_says_what_failed_and_how_often(string provider)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.ServerError(), FakeReply.ServerError(), FakeReply.ServerError(), FakeReply.Sql("SELECT 3"));
        await using var engine = harness.TextToSql(provider, c => c["max_retries"] = 2);

        var error = await Should.ThrowAsync<ModelCallFailedException>(() => engine.GenerateSqlAsync(Retail.Question("Three"), Token));

        error.Message.ShouldStartWith($"The {provider} model '{LlmHarness.ModelFor(provider)}' failed: HTTP 500 Internal Server Error after 3 attempts");
        error.Message.ShouldContain("The server had an error while processing your request.");
        harness.Server.Requests.Count.ShouldBe(3);
        harness.Server.PendingReplies.ShouldBe(1);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Error(400, "max_tokens is too large"), FakeReply.Sql("SELECT 4"));
        await using var engine = harness.TextToSql("openai");

        var error = await Should.ThrowAsync<ModelCallFailedException>(() => engine.GenerateSqlAsync(Retail.Question("Four"), Token));

        error.Message.ShouldStartWith("The openai model 'gpt-test' failed: HTTP 400 Bad Request: ");
        error.Message.ShouldContain("max_tokens is too large");
        harness.Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Max_retries_zero_sends_once()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.RateLimited(), FakeReply.Sql("SELECT 5"));
        await using var engine = harness.TextToSql("anthropic", c => c["max_retries"] = 0);

        var error = await Should.ThrowAsync<ModelCallFailedException>(() => engine.GenerateSqlAsync(Retail.Question("Five"), Token));

        error.Message.ShouldContain("HTTP 429 Too Many Requests after 1 attempt");
        harness.Server.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task A_reply_slower_than_the_timeout_fails_with_a_timeout_and_the_request_is_aborted(string provider)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Sql("SELECT 6").After(TimeSpan.FromSeconds(30)));
        await using var engine = harness.TextToSql(provider, c => c["timeout_seconds"] = 0.5);

        var error = await Should.ThrowAsync<TimeoutException>(() => engine.GenerateSqlAsync(Retail.Question("Six"), Token));

        error.Message.ShouldBe($"The {provider} model '{LlmHarness.ModelFor(provider)}' did not answer within 0.5 s (timeout_seconds).");
        var request = harness.Server.Requests.ShouldHaveSingleItem();
        await request.Aborted.WaitAsync(TimeSpan.FromSeconds(10), Token);
        request.WasAborted.ShouldBeTrue();
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    [InlineData("openai_compatible")]
    public async Task Cancelling_the_call_aborts_the_http_request(string provider)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Enqueue(FakeReply.Hanging());
        await using var engine = harness.TextToSql(provider);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var call = engine.GenerateSqlAsync(Retail.Question("Seven"), cancellation.Token);
        while (harness.Server.Requests.Count == 0)
        {
            await Task.Delay(10, Token);
        }

        await cancellation.CancelAsync();

        var error = await Should.ThrowAsync<OperationCanceledException>(() => call);
        error.CancellationToken.ShouldBe(cancellation.Token);
        var request = harness.Server.Requests.ShouldHaveSingleItem();
        await request.Aborted.WaitAsync(TimeSpan.FromSeconds(10), Token);
        request.WasAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_with_a_clear_error()
    {
        await using var harness = await LlmHarness.StartAsync();
        var endpoint = harness.Server.OpenAiEndpoint.AbsoluteUri;
        await harness.Server.DisposeAsync();
        await using var engine = harness.TextToSql("openai", c => c["max_retries"] = 0);

        var error = await Should.ThrowAsync<ModelCallFailedException>(() => engine.GenerateSqlAsync(Retail.Question("Eight"), Token));

        error.Message.ShouldStartWith($"The openai model 'gpt-test' failed: {new Uri(endpoint).GetLeftPart(UriPartial.Authority)} could not be reached");
    }
}
