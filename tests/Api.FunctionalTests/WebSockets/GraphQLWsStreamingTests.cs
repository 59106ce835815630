using System.Net.WebSockets;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>Streaming results, and stopping streams: by client complete, by closing or dropping the socket.</summary>
[Collection(GraphQLWsTestGroup.Name)]
public sealed class GraphQLWsStreamingTests(GraphQLWsServerFixture server)
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(3);

    private static string Stream(string sql, string fields = "rows") =>
        $$"""subscription { queryStream(input: {sql: "{{sql}}"}) { {{fields}} } }""";

    [Fact]
    public async Task A_stream_delivers_every_row_then_completes()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("all", Stream("select * from range(250000)", "columns { name } rows rowCount done"));

        var messages = await client.ReceiveOperationAsync("all", TimeSpan.FromSeconds(60));
        messages[^1]["type"]!.GetValue<string>().ShouldBe("complete");
        var events = messages.Take(messages.Count - 1).Select(m =>
        {
            m["type"]!.GetValue<string>().ShouldBe("next");
            m["payload"]!["errors"].ShouldBeNull();
            return m["payload"]!["data"]!["queryStream"]!;
        }).ToList();
        events.Count.ShouldBeGreaterThan(1);
        events[0]["columns"]!.AsArray().Select(c => (string?)c!["name"]).ShouldBe(["range"]);
        events.Skip(1).ShouldAllBe(e => e["columns"] == null);
        events.Sum(e => e["rows"]!.AsArray().Count).ShouldBe(250_000);
        events[^1]["done"]!.GetValue<bool>().ShouldBeTrue();
        events[^1]["rowCount"]!.GetValue<int>().ShouldBe(250_000);
        events.Take(events.Count - 1).ShouldAllBe(e => !e["done"]!.GetValue<bool>());
        // The rows arrive in order, none lost or repeated.
        events.SelectMany(e => e["rows"]!.AsArray()).Select(r => r![0]!.GetValue<long>()).ShouldBe(Enumerable.Range(0, 250_000).Select(i => (long)i));
    }

    [Fact]
    public async Task Client_complete_stops_the_stream_and_its_database_query()
    {
        const string Tag = "client_complete_test";
        await using var client = await server.ConnectAndInitAsync();
        await client.SubscribeAsync("big", Stream($"select * from range(100000000) as {Tag}(x)"));
        var first = await client.ReceiveMessageAsync();
        first["type"]!.GetValue<string>().ShouldBe("next");
        first["id"]!.GetValue<string>().ShouldBe("big");

        await client.CompleteAsync("big");

        // Asked on the same socket after the complete: messages of "big" may still be on their way before the answer
        // (they left the server before the complete arrived), none after it.
        var gone = await RunningQueries.WaitUntilGoneAsync(client, Tag, StopDeadline);
        gone.ShouldBeTrue("the database query was still running after the client completed the subscription");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await GraphQLWsOperationTests.AssertNothingMoreForAsync(client, "big");
    }

    [Fact]
    public async Task The_first_event_carries_a_chart_recommended_from_the_first_batch()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("chart", Stream(
            "select category, count(*) as products from products group by all order by products desc",
            "columns { name } chart(question: \"products per category\") { kind encodings { x { field } y { field } } vegaLite } done"));

        var messages = await client.ReceiveOperationAsync("chart", TimeSpan.FromSeconds(30));
        messages[^1]["type"]!.GetValue<string>().ShouldBe("complete");
        var events = messages.Take(messages.Count - 1).Select(m => m["payload"]!["data"]!["queryStream"]!).ToList();
        var chart = events[0]["chart"]!;
        chart["kind"]!.GetValue<string>().ShouldBeOneOf("BAR", "HORIZONTAL_BAR", "PIE");
        chart["vegaLite"]!["$schema"]!.GetValue<string>().ShouldContain("vega-lite/v5");
        events.Skip(1).ShouldAllBe(e => e["chart"] == null);
    }

    [Fact]
    public async Task Closing_the_socket_stops_all_its_operations()
    {
        const string Tag = "socket_close_test";
        await using var observer = await server.ConnectAndInitAsync();
        await using (var client = await server.ConnectAndInitAsync())
        {
            await client.SubscribeAsync("s1", Stream($"select * from range(100000000) as {Tag}_a(x)"));
            await client.SubscribeAsync("s2", Stream($"select count(*) as {Tag}_b from range(1000000000000)", "rowCount"));
            (await client.ReceiveMessageAsync())["id"]!.GetValue<string>().ShouldBe("s1");
            await RunningQueries.WaitUntilRunningAsync(observer, $"{Tag}_a", StopDeadline);
            await RunningQueries.WaitUntilRunningAsync(observer, $"{Tag}_b", StopDeadline);

            await client.CloseAsync();
        }

        (await RunningQueries.WaitUntilGoneAsync(observer, Tag, StopDeadline)).ShouldBeTrue("queries outlived their socket");
    }

    [Fact]
    public async Task A_dropped_socket_stops_all_its_operations()
    {
        const string Tag = "socket_abort_test";
        await using var observer = await server.ConnectAndInitAsync();
        var client = await server.ConnectAndInitAsync();
        await client.SubscribeAsync("s1", Stream($"select * from range(100000000) as {Tag}_a(x)"));
        await client.SubscribeAsync("s2", Stream($"select count(*) as {Tag}_b from range(1000000000000)", "rowCount"));
        (await client.ReceiveMessageAsync())["id"]!.GetValue<string>().ShouldBe("s1");
        await RunningQueries.WaitUntilRunningAsync(observer, $"{Tag}_a", StopDeadline);
        await RunningQueries.WaitUntilRunningAsync(observer, $"{Tag}_b", StopDeadline);

        // No close handshake: the client just goes away.
        client.Socket.Abort();
        await client.DisposeAsync();

        (await RunningQueries.WaitUntilGoneAsync(observer, Tag, StopDeadline)).ShouldBeTrue("queries outlived their socket");
        observer.Socket.State.ShouldBe(WebSocketState.Open);
    }
}
