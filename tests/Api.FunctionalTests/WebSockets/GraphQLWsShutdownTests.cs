using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>A server that stops closes its WebSockets with 1001 (the graphql-ws client then reconnects elsewhere).</summary>
public sealed class GraphQLWsShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_closes_open_connections_with_1001()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "kurobe-ws-tests", Guid.NewGuid().ToString("N"));
        var factory = new KurobeApiFactory()
            .WithSetting("Kurobe:Storage:DataDirectory", dataDirectory)
            .WithSetting("Kurobe:DuckDb:Threads", "2");
        try
        {
            await using var client = await GraphQLWsTestClient.ConnectAsync(factory);
            await client.InitAndAckAsync();
            await client.SubscribeAsync("slow", """subscription { queryStream(input: {sql: "select count(*) from range(1000000000000)", timeoutSeconds: 20}) { rowCount } }""");

            var stopping = factory.DisposeAsync().AsTask();
            var close = await client.ReceiveUntilCloseAsync();
            await stopping.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

            close.CloseStatus.ShouldBe(1001);
            close.CloseReason.ShouldBe("Server shutting down");
        }
        finally
        {
            await factory.DisposeAsync();
            TestDirectories.TryDelete(dataDirectory);
        }
    }
}
