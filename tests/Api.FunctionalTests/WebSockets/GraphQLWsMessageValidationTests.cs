using System.Net.WebSockets;
using System.Text;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>Messages that break the protocol close the connection with 4400 (1009 when too large), with a short reason.</summary>
[Collection(GraphQLWsTestGroup.Name)]
public sealed class GraphQLWsMessageValidationTests(GraphQLWsServerFixture server)
{
    public static TheoryData<string, string> InvalidMessages => new()
    {
        { "{", "Invalid message: not valid JSON" },
        { "not json at all", "Invalid message: not valid JSON" },
        { "[]", "Invalid message: expected a JSON object" },
        { "42", "Invalid message: expected a JSON object" },
        { "{}", "Invalid message: 'type' must be a string" },
        { """{"type":1}""", "Invalid message: 'type' must be a string" },
        { """{"type":null}""", "Invalid message: 'type' must be a string" },
        { """{"type":"bogus"}""", "Invalid message type 'bogus'" },
        { """{"type":"start","id":"1","payload":{"query":"{ __typename }"}}""", "Invalid message type 'start'" },
        { """{"type":"next","id":"1","payload":{}}""", "Unexpected message of type 'next' from a client" },
        { """{"type":"error","id":"1","payload":[]}""", "Unexpected message of type 'error' from a client" },
        { """{"type":"connection_ack"}""", "Unexpected message of type 'connection_ack' from a client" },
        { """{"type":"subscribe","payload":{"query":"{ __typename }"}}""", "Invalid message: 'subscribe' requires a non-empty string 'id'" },
        { """{"type":"subscribe","id":"","payload":{"query":"{ __typename }"}}""", "Invalid message: 'subscribe' requires a non-empty string 'id'" },
        { """{"type":"subscribe","id":1,"payload":{"query":"{ __typename }"}}""", "Invalid message: 'subscribe' requires a non-empty string 'id'" },
        { """{"type":"subscribe","id":"1"}""", "Invalid message: the 'subscribe' payload must be an object" },
        { """{"type":"subscribe","id":"1","payload":null}""", "Invalid message: the 'subscribe' payload must be an object" },
        { """{"type":"subscribe","id":"1","payload":"{ __typename }"}""", "Invalid message: the 'subscribe' payload must be an object" },
        { """{"type":"subscribe","id":"1","payload":[]}""", "Invalid message: the 'subscribe' payload must be an object" },
        { """{"type":"subscribe","id":"1","payload":{}}""", "Invalid message: 'query' must be a string" },
        { """{"type":"subscribe","id":"1","payload":{"query":42}}""", "Invalid message: 'query' must be a string" },
        { """{"type":"subscribe","id":"1","payload":{"query":null}}""", "Invalid message: 'query' must be a string" },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":[]}}""", "Invalid message: 'variables' must be an object or null" },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":"{}"}}""", "Invalid message: 'variables' must be an object or null" },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","extensions":7}}""", "Invalid message: 'extensions' must be an object or null" },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","operationName":1}}""", "Invalid message: 'operationName' must be a string or null" },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","operationName":{}}}""", "Invalid message: 'operationName' must be a string or null" },
        { """{"type":"complete"}""", "Invalid message: 'complete' requires a non-empty string 'id'" },
        { """{"type":"complete","id":""}""", "Invalid message: 'complete' requires a non-empty string 'id'" },
        { """{"type":"complete","id":null}""", "Invalid message: 'complete' requires a non-empty string 'id'" },
        { """{"type":"ping","payload":"hello"}""", "Invalid message: the 'ping' payload must be an object or null" },
        { """{"type":"pong","payload":[1]}""", "Invalid message: the 'pong' payload must be an object or null" },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task An_invalid_message_closes_with_4400_and_says_why(string message, string reason)
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SendAsync(message);

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe(4400);
        close.CloseReason.ShouldBe(reason);
        Encoding.UTF8.GetByteCount(close.CloseReason!).ShouldBeLessThan(123);
    }

    [Fact]
    public async Task Subscribe_with_optional_fields_null_or_absent_is_valid()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SendAsync("""{"type":"subscribe","id":"a","payload":{"query":"{ __typename }","variables":null,"extensions":null,"operationName":null}}""");
        await client.SendAsync("""{"type":"subscribe","id":"b","payload":{"query":"{ __typename }"},"unknownField":true}""");

        // The two run concurrently: their messages may interleave.
        var received = new List<(string? Id, string? Type)>();
        while (received.Count(m => m.Type == "complete") < 2)
        {
            var message = await client.ReceiveMessageAsync();
            received.Add(((string?)message["id"], (string?)message["type"]));
        }

        received.Where(m => m.Id == "a").Select(m => m.Type).ShouldBe(["next", "complete"]);
        received.Where(m => m.Id == "b").Select(m => m.Type).ShouldBe(["next", "complete"]);
    }

    [Fact]
    public async Task A_binary_frame_closes_with_4400()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SendBytesAsync(Encoding.UTF8.GetBytes("""{"type":"ping"}"""), WebSocketMessageType.Binary);

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe(4400);
        close.CloseReason.ShouldBe("Invalid message: binary frames are not supported; send JSON text");
    }

    [Fact]
    public async Task Close_reasons_that_quote_the_client_are_cut_below_123_bytes()
    {
        await using var client = await server.ConnectAndInitAsync();

        // A long type name with multi-byte characters: the reason quotes it, and must still fit a close frame.
        await client.SendAsync($$"""{"type":"{{string.Concat(Enumerable.Repeat("ü型", 100))}}"}""");

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe(4400);
        close.CloseReason.ShouldStartWith("Invalid message type 'ü型");
        close.CloseReason.ShouldEndWith("...");
        Encoding.UTF8.GetByteCount(close.CloseReason!).ShouldBeLessThan(123);
    }

    [Fact]
    public async Task A_message_over_MaxRequestBytes_closes_with_1009()
    {
        await using var client = await server.ConnectAndInitAsync();
        var message = PingOfSize(GraphQLWsServerFixture.MaxRequestBytes + 1);

        // In fragments, as large messages usually arrive: the server stops reading at the limit.
        await client.SendBytesAsync(message, WebSocketMessageType.Text, fragmentBytes: 16 * 1024);

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe((int)WebSocketCloseStatus.MessageTooBig);
        close.CloseReason.ShouldBe($"Message too big: the limit is {GraphQLWsServerFixture.MaxRequestBytes} bytes");
    }

    [Fact]
    public async Task A_message_of_exactly_MaxRequestBytes_is_accepted()
    {
        await using var client = await server.ConnectAndInitAsync();
        var message = PingOfSize(GraphQLWsServerFixture.MaxRequestBytes);

        await client.SendBytesAsync(message, WebSocketMessageType.Text, fragmentBytes: 16 * 1024);

        var pong = await client.ReceiveMessageAsync();
        pong["type"]!.GetValue<string>().ShouldBe("pong");
        pong["payload"]!["padding"]!.GetValue<string>().Length.ShouldBeGreaterThan(60_000);
    }

    /// <summary>A ping whose UTF-8 encoding is exactly <paramref name="bytes"/> long.</summary>
    private static byte[] PingOfSize(int bytes)
    {
        const string Prefix = "{\"type\":\"ping\",\"payload\":{\"padding\":\"";
        const string Suffix = "\"}}";
        var json = Prefix + new string('x', bytes - Prefix.Length - Suffix.Length) + Suffix;
        var data = Encoding.UTF8.GetBytes(json);
        data.Length.ShouldBe(bytes);
        return data;
    }
}
