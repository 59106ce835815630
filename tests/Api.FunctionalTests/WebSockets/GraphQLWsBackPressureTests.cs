using System.Globalization;
using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>
/// The application on Kestrel, over real TCP. The in-memory test server's WebSocket accepts every send at once
/// (its queue has no bound), so a slow client can only be played over a real socket.
/// </summary>
public sealed class GraphQLWsKestrelFixture : IAsyncLifetime
{
    public const int StreamWindow = 4;
    public const int BatchRows = 2_000;
    public const int SocketBufferBytes = 32 * 1024;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kurobe-ws-tests", Guid.NewGuid().ToString("N"));
    private readonly KestrelApiFactory _factory = new(SocketBufferBytes);

    public Uri Endpoint { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        _factory
            .WithSetting("Kurobe:Storage:DataDirectory", _dataDirectory)
            .WithSetting("Kurobe:DuckDb:Threads", "2")
            .WithSetting("Kurobe:GraphQL:StreamWindow", StreamWindow.ToString(CultureInfo.InvariantCulture))
            .WithSetting("Kurobe:Query:BatchRows", BatchRows.ToString(CultureInfo.InvariantCulture))
            .UseKestrel(0);
        Endpoint = _factory.StartOnLoopback().WebSocketEndpoint;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Connects over TCP. A small receive buffer keeps what the network can hold for a client that does not read
    /// small, so the server feels it quickly.
    /// </summary>
    public Task<GraphQLWsTestClient> ConnectAsync(int? receiveBufferBytes = null) => GraphQLWsTestClient.ConnectOverTcpAsync(Endpoint, receiveBufferBytes);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        TestDirectories.TryDelete(_dataDirectory);
    }
}

/// <summary>A client that reads slowly slows the database query down: the server never buffers a whole result.</summary>
public sealed class GraphQLWsBackPressureTests(GraphQLWsKestrelFixture server) : IClassFixture<GraphQLWsKestrelFixture>
{
    [Fact]
    public async Task A_client_that_does_not_read_stops_the_query_and_reading_resumes_it()
    {
        const string Tag = "back_pressure_test";
        await using var slow = await server.ConnectAsync(receiveBufferBytes: GraphQLWsKestrelFixture.SocketBufferBytes);
        await using var observer = await server.ConnectAsync();
        await slow.InitAndAckAsync();
        await observer.InitAndAckAsync();

        await slow.SubscribeAsync("slow", $$"""subscription { queryStream(input: {sql: "select * from range(10000000) as {{Tag}}(x)"}) { rows rowCount } }""");
        // The client reads nothing for two seconds.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        var (_, stalledAt) = await RunningQueries.WaitUntilRunningAsync(observer, Tag, TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        var (_, stillAt) = await RunningQueries.WaitUntilRunningAsync(observer, Tag, TimeSpan.FromSeconds(5));
        TestContext.Current.TestOutputHelper?.WriteLine($"rows read while the client did not read: {stalledAt:N0}, 500 ms later: {stillAt:N0}");

        // What the window lets through, plus what the socket buffers on both ends and Kestrel's pipe hold: a few
        // window-fulls of batches (about 30,000 rows when measured), nowhere near the ten million rows of the result.
        const double Bound = 10.0 * GraphQLWsKestrelFixture.StreamWindow * GraphQLWsKestrelFixture.BatchRows;
        stalledAt.ShouldBeGreaterThan(0);
        stalledAt.ShouldBeLessThanOrEqualTo(Bound);
        stillAt.ShouldBe(stalledAt, "the query kept reading although the client did not");

        // The client reads again: the query resumes.
        var rowsReceived = 0;
        for (var i = 0; i < 60; i++)
        {
            var next = await slow.ReceiveMessageAsync();
            next["type"]!.GetValue<string>().ShouldBe("next");
            rowsReceived += next["payload"]!["data"]!["queryStream"]!["rows"]!.AsArray().Count;
        }

        var resumedAt = await WaitForRowsReadAboveAsync(observer, Tag, stalledAt);
        TestContext.Current.TestOutputHelper?.WriteLine($"after reading {rowsReceived:N0} rows: {resumedAt:N0} rows read");
        resumedAt.ShouldBeGreaterThan(stalledAt);

        await slow.CompleteAsync("slow");
        (await RunningQueries.WaitUntilGoneAsync(observer, Tag, TimeSpan.FromSeconds(3))).ShouldBeTrue();
    }

    private static async Task<double> WaitForRowsReadAboveAsync(GraphQLWsTestClient observer, string tag, double rows)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var (_, now) = await RunningQueries.WaitUntilRunningAsync(observer, tag, TimeSpan.FromSeconds(5));
            if (now > rows || DateTime.UtcNow > deadline)
            {
                return now;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
