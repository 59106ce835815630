using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>One frame the server sent: a JSON message, or the close frame.</summary>
public sealed record GraphQLWsFrame(JsonObject? Message, int? CloseStatus, string? CloseReason)
{
    public bool IsClose => Message is null;

    public string? Type => (string?)Message?["type"];

    public string? Id => (string?)Message?["id"];

    public override string ToString() => IsClose ? $"close {CloseStatus} \"{CloseReason}\"" : Message!.ToJsonString();
}

/// <summary>
/// A graphql-transport-ws client over a real WebSocket, written for tests: it sends raw frames (valid or not) and
/// reads what the server sends. Frames are read on demand, at most two ahead of the test, so a test that stops
/// reading stops reading the socket too (that is how the back-pressure test plays a slow client).
/// </summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly WebSocket _socket;
    private readonly Channel<GraphQLWsFrame> _frames = Channel.CreateBounded<GraphQLWsFrame>(1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _pump;

    private GraphQLWsTestClient(WebSocket socket)
    {
        _socket = socket;
    }

    public WebSocket Socket => _socket;

    /// <summary>Connects through the in-memory test server (real WebSocket frames through the ASP.NET pipeline).</summary>
    public static async Task<GraphQLWsTestClient> ConnectAsync(WebApplicationFactory<Program> factory, params string[] subProtocols)
    {
        var client = factory.Server.CreateWebSocketClient();
        if ((factory as KurobeApiFactory)?.DefaultApiKey is { } key)
        {
            client.ConfigureRequest = request => request.Headers["X-API-Key"] = key;
        }

        foreach (var protocol in subProtocols)
        {
            client.SubProtocols.Add(protocol);
        }

        var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), TestContext.Current.CancellationToken);
        return new GraphQLWsTestClient(socket);
    }

    public static Task<GraphQLWsTestClient> ConnectAsync(WebApplicationFactory<Program> factory) => ConnectAsync(factory, SubProtocol);

    /// <summary>Wraps a socket connected some other way (a real TCP connection to Kestrel).</summary>
    public static GraphQLWsTestClient Over(WebSocket socket) => new(socket);

    /// <summary>Connects over TCP, optionally with a small receive buffer so a client that does not read is felt quickly.</summary>
    public static async Task<GraphQLWsTestClient> ConnectOverTcpAsync(Uri endpoint, int? receiveBufferBytes = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBufferBytes is { } bytes)
                {
                    socket.ReceiveBufferSize = bytes;
                }

                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var webSocket = new ClientWebSocket();
        webSocket.Options.AddSubProtocol(SubProtocol);
        webSocket.Options.SetRequestHeader("X-API-Key", KurobeApiFactory.BootstrapApiKey);
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        await webSocket.ConnectAsync(endpoint, invoker, TestContext.Current.CancellationToken);
        return Over(webSocket);
    }

    // ---- Sending ---------------------------------------------------------------------------------------------------

    public Task SendAsync(string json) => SendBytesAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    /// <summary>Sends one message, in fragments of <paramref name="fragmentBytes"/> when given.</summary>
    public async Task SendBytesAsync(byte[] data, WebSocketMessageType type, int? fragmentBytes = null)
    {
        var size = fragmentBytes ?? Math.Max(data.Length, 1);
        var offset = 0;
        do
        {
            var count = Math.Min(size, data.Length - offset);
            await _socket.SendAsync(data.AsMemory(offset, count), type, offset + count >= data.Length, TestContext.Current.CancellationToken);
            offset += count;
        }
        while (offset < data.Length);
    }

    /// <summary>Sends connection_init; without a payload, one with the bootstrap key (as graphql-ws clients send connectionParams).</summary>
    public Task InitAsync(object? payload = null) =>
        SendAsync(new { type = "connection_init", payload = payload ?? new Dictionary<string, string> { ["Authorization"] = $"Bearer {KurobeApiFactory.BootstrapApiKey}" } });

    /// <summary>Sends connection_init and expects connection_ack.</summary>
    public async Task<JsonObject> InitAndAckAsync()
    {
        await InitAsync();
        var ack = await ReceiveMessageAsync();
        ack["type"]!.GetValue<string>().ShouldBe("connection_ack");
        return ack;
    }

    public Task SubscribeAsync(string id, string query, object? variables = null, string? operationName = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables, operationName } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    // ---- Receiving -------------------------------------------------------------------------------------------------

    /// <summary>The next frame, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<GraphQLWsFrame?> TryReceiveAsync(TimeSpan timeout)
    {
        _pump ??= PumpAsync();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await _frames.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The socket ended without a close frame.");
        }
    }

    public async Task<GraphQLWsFrame> ReceiveAsync(TimeSpan? timeout = null) =>
        await TryReceiveAsync(timeout ?? DefaultTimeout) ?? throw new TimeoutException("The server sent nothing in time.");

    public async Task<JsonObject> ReceiveMessageAsync(TimeSpan? timeout = null)
    {
        var frame = await ReceiveAsync(timeout);
        frame.IsClose.ShouldBeFalse($"expected a message, got {frame}");
        return frame.Message!;
    }

    /// <summary>Expects the next frame to be the close frame (the client answers it, completing the handshake).</summary>
    public async Task<GraphQLWsFrame> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        var frame = await ReceiveAsync(timeout);
        frame.IsClose.ShouldBeTrue($"expected the close frame, got {frame}");
        return frame;
    }

    /// <summary>Reads until the close frame, skipping messages (a stream may still be flowing when the server closes).</summary>
    public async Task<GraphQLWsFrame> ReceiveUntilCloseAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await ReceiveAsync(timeout);
            if (frame.IsClose)
            {
                return frame;
            }
        }
    }

    /// <summary>
    /// Reads the messages of operation <paramref name="id"/> until its complete or error (included), skipping those
    /// of other operations.
    /// </summary>
    public async Task<List<JsonObject>> ReceiveOperationAsync(string id, TimeSpan? timeout = null)
    {
        var messages = new List<JsonObject>();
        while (true)
        {
            var message = await ReceiveMessageAsync(timeout);
            if ((string?)message["id"] != id)
            {
                continue;
            }

            messages.Add(message);
            if ((string?)message["type"] is "complete" or "error")
            {
                return messages;
            }
        }
    }

    /// <summary>Runs a query or mutation and returns its single result (the payload of its one next).</summary>
    public async Task<JsonObject> QueryAsync(string id, string query, object? variables = null)
    {
        await SubscribeAsync(id, query, variables);
        var messages = await ReceiveOperationAsync(id);
        messages.Select(m => (string?)m["type"]).ShouldBe(["next", "complete"]);
        return messages[0]["payload"]!.AsObject();
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    var status = (int?)_socket.CloseStatus;
                    var reason = _socket.CloseStatusDescription;
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, _stop.Token);
                    }

                    await _frames.Writer.WriteAsync(new GraphQLWsFrame(null, status, reason), _stop.Token);
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                result.MessageType.ShouldBe(WebSocketMessageType.Text, "the server must send text frames");
                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject();
                message.SetLength(0);
                await _frames.Writer.WriteAsync(new GraphQLWsFrame(node, null, null), _stop.Token);
            }
        }
        catch (Exception exception)
        {
            _frames.Writer.TryComplete(exception);
        }
    }

    /// <summary>Closes the socket from the client side (the handshake), unless the server already closed it.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        if (_socket.State != WebSocketState.Open)
        {
            return;
        }

        await _socket.CloseOutputAsync(status, null, TestContext.Current.CancellationToken);
        // The pump reads (and drops) whatever was still in flight, then the server's close frame.
        var close = await ReceiveUntilCloseAsync();
        close.CloseStatus.ShouldBe((int)status);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The server side is already gone; nothing to close.
        }

        await _stop.CancelAsync();
        if (_pump is not null)
        {
            await _pump;
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
