using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>Subprotocol negotiation, connection_init / connection_ack, ping / pong and closing.</summary>
[Collection(GraphQLWsTestGroup.Name)]
public sealed class GraphQLWsHandshakeTests(GraphQLWsServerFixture server)
{
    [Fact]
    public async Task Offering_graphql_transport_ws_negotiates_it()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.Factory, "graphql-ws", GraphQLWsTestClient.SubProtocol);

        client.Socket.SubProtocol.ShouldBe(GraphQLWsTestClient.SubProtocol);
        await client.InitAndAckAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("graphql-ws")]
    [InlineData("GRAPHQL-TRANSPORT-WS,json")]
    public async Task Without_the_graphql_transport_ws_subprotocol_the_server_closes_with_4406(string subProtocols)
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.Factory, subProtocols.Split(',', StringSplitOptions.RemoveEmptyEntries));

        var close = await client.ReceiveCloseAsync();

        close.CloseStatus.ShouldBe(4406);
        close.CloseReason.ShouldBe("Subprotocol not acceptable");
    }

    [Fact]
    public async Task Connection_init_without_payload_is_acknowledged()
    {
        await using var client = await server.ConnectAsync();

        var ack = await client.InitAndAckAsync();

        // The payload of connection_ack is optional; when present it is an object.
        (ack["payload"] is null or JsonObject).ShouldBeTrue();
        ack.ContainsKey("id").ShouldBeFalse();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"nested":{"a":[1,2]}}""")]
    [InlineData("null")]
    public async Task Connection_init_with_an_object_or_null_payload_is_acknowledged(string payload)
    {
        await using var client = await server.ConnectAsync();

        await client.SendAsync($$"""{"type":"connection_init","payload":{{payload}}}""");

        (await client.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("connection_ack");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"token\"")]
    [InlineData("42")]
    [InlineData("true")]
    public async Task Connection_init_with_a_payload_that_is_not_an_object_closes_with_4400(string payload)
    {
        await using var client = await server.ConnectAsync();

        await client.SendAsync($$"""{"type":"connection_init","payload":{{payload}}}""");

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe(4400);
        close.CloseReason.ShouldBe("Invalid message: the 'connection_init' payload must be an object or null");
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        var stopwatch = Stopwatch.StartNew();
        await using var client = await server.ConnectAsync();

        var close = await client.ReceiveCloseAsync(TimeSpan.FromSeconds(10));

        close.CloseStatus.ShouldBe(4408);
        close.CloseReason.ShouldBe("Connection initialisation timeout");
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(GraphQLWsServerFixture.ConnectionInitTimeout - TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task An_acknowledged_connection_outlives_the_init_timeout()
    {
        await using var client = await server.ConnectAndInitAsync();

        await Task.Delay(GraphQLWsServerFixture.ConnectionInitTimeout * 2, TestContext.Current.CancellationToken);

        await client.SendAsync("""{"type":"ping"}""");
        (await client.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("pong");
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.InitAsync();

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe(4429);
        close.CloseReason.ShouldBe("Too many initialisation requests");
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_with_4401()
    {
        await using var client = await server.ConnectAsync();

        await client.SubscribeAsync("1", "{ dataSources { name } }");

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe(4401);
        close.CloseReason.ShouldBe("Unauthorized");
    }

    [Fact]
    public async Task Ping_before_init_is_answered_with_pong()
    {
        await using var client = await server.ConnectAsync();

        await client.SendAsync("""{"type":"ping"}""");

        var pong = await client.ReceiveMessageAsync();
        pong["type"]!.GetValue<string>().ShouldBe("pong");
        pong.ContainsKey("payload").ShouldBeFalse();
        // And the connection still initialises normally afterwards.
        await client.InitAndAckAsync();
    }

    [Theory]
    [InlineData("""{"sent":"2024-01-01T00:00:00Z","n":3,"nested":{"list":[1,"two",null]}}""")]
    [InlineData("{}")]
    public async Task Ping_payload_is_echoed_in_the_pong(string payload)
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SendAsync($$"""{"type":"ping","payload":{{payload}}}""");

        var pong = await client.ReceiveMessageAsync();
        pong["type"]!.GetValue<string>().ShouldBe("pong");
        JsonNode.DeepEquals(pong["payload"], JsonNode.Parse(payload)).ShouldBeTrue(pong.ToJsonString());
    }

    [Fact]
    public async Task An_unsolicited_pong_is_ignored()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SendAsync("""{"type":"pong","payload":{"heartbeat":1}}""");
        await client.SendAsync("""{"type":"pong"}""");
        await client.SendAsync("""{"type":"ping","payload":{"marker":"after-pongs"}}""");

        // Nothing answers the pongs: the next message is the answer to the ping.
        var next = await client.ReceiveMessageAsync();
        next["type"]!.GetValue<string>().ShouldBe("pong");
        next["payload"]!["marker"]!.GetValue<string>().ShouldBe("after-pongs");
    }

    [Fact]
    public async Task A_client_close_is_answered_with_the_same_code()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure);

        client.Socket.State.ShouldBe(WebSocketState.Closed);
        client.Socket.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
    }
}
