using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using System.Text.Json;
using GraphQL.Transport;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Api.GraphQL.Subscriptions;
using Kurobe.Api.Security;
using Kurobe.Application.Common.Security;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection. Three kinds of tasks share it:
/// <list type="bullet">
/// <item>the receive loop reads one message at a time, validates it and answers it (ack, pong, subscribe, complete);</item>
/// <item>one task per operation executes it in its own DI scope and, for a subscription, observes its stream;</item>
/// <item>the send loop is the only writer to the socket: it takes messages off a bounded queue, in order.</item>
/// </list>
/// Nothing is buffered without bound. A subscription's stream waits for a credit of its
/// <see cref="StreamCreditWindow"/> before each event, and a credit comes back only once that event's <c>next</c> has
/// been written to the socket, so a slow client slows the query down. Each operation therefore has at most
/// <c>StreamWindow</c> <c>next</c> messages plus one last message queued, an operation counts against
/// <c>MaxOperationsPerConnection</c> until its last queued message has been handled, and the answers of the receive
/// loop have their own few slots which it awaits (a client that sends without reading stops being read). The queue's
/// capacity is the sum of these, so writing to it never has to wait or fail.
/// </summary>
internal sealed partial class GraphQLWsConnection : IDisposable
{
    private const int ControlSlots = 16;
    private const int InitialBufferBytes = 4 * 1024;
    private const int RetainedSendBufferBytes = 256 * 1024;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan OperationShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly HttpContext _httpContext;
    private readonly GraphQLWsServices _services;
    private readonly ILogger _logger;
    private readonly Channel<GraphQLWsOutgoing> _outgoing;
    private readonly SemaphoreSlim _controlSlots = new(ControlSlots, ControlSlots);

    /// <summary>Active operations by id: an id is taken from the subscribe until the operation ends.</summary>
    private readonly ConcurrentDictionary<string, GraphQLWsOperation> _operations = new(StringComparer.Ordinal);

    /// <summary>Operations whose task has not ended yet (an ended operation may still be releasing its stream).</summary>
    private readonly ConcurrentDictionary<GraphQLWsOperation, byte> _running = new();

    /// <summary>Cancelled when the socket is given up (client gone, close handshake timed out, request aborted).</summary>
    private readonly CancellationTokenSource _connection;

    /// <summary>Cancelled when either side starts closing: waits that only make sense on an open connection end.</summary>
    private readonly CancellationTokenSource _closing;

    private readonly CancellationTokenSource _initWait;
    private readonly Lock _closeGate = new();
    private CloseRequest? _close;
    private ITimer? _closeTimer;
    private ITimer? _expiryTimer;

    /// <summary>Who the connection acts as, from <c>connection_init</c>; every operation runs as them.</summary>
    private Principal? _principal;
    private int _occupiedSlots;
    private int _initReceived;
    private bool _acknowledged;
    private long _received;
    private long _sent;
    private int _started;

    public GraphQLWsConnection(WebSocket socket, HttpContext httpContext, GraphQLWsServices services)
    {
        _socket = socket;
        _httpContext = httpContext;
        _services = services;
        _logger = services.Logger;
        var options = services.Options;
        _outgoing = Channel.CreateBounded<GraphQLWsOutgoing>(new BoundedChannelOptions(options.MaxOperationsPerConnection * (options.StreamWindow + 1) + ControlSlots)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _connection = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        _closing = CancellationTokenSource.CreateLinkedTokenSource(_connection.Token);
        _initWait = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
    }

    private string ConnectionId => _httpContext.TraceIdentifier;

    private bool IsClosing => Volatile.Read(ref _close) is not null;

    /// <summary>Serves the connection until it is closed, then stops every operation and waits for them to end.</summary>
    public async Task RunAsync()
    {
        LogOpened(_logger, ConnectionId);
        var sending = SendLoopAsync();
        var initTimeout = CloseUnlessInitialisedAsync();
        try
        {
            var clientClose = await ReceiveLoopAsync();
            // The client closed first: answer with its code (RFC 6455 §5.5.1) unless we were closing already.
            RequestClose(clientClose ?? GraphQLWsCloseCodes.NormalClosure, string.Empty);
        }
        catch (Exception exception) when (IsDisconnection(exception))
        {
            LogClientGone(_logger, ConnectionId, exception);
            Abort();
        }
        catch (Exception exception)
        {
            LogUnexpected(_logger, ConnectionId, exception);
            RequestClose(GraphQLWsCloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            await ShutdownAsync(sending, initTimeout);
        }
    }

    /// <summary>
    /// Starts closing the connection with this code (once; later requests are ignored): every operation stops, queued
    /// messages are dropped and the send loop sends the close frame. If the handshake has not completed within a few
    /// seconds, the socket is aborted.
    /// </summary>
    public void RequestClose(int status, string reason)
    {
        var request = new CloseRequest(status, GraphQLWsCloseCodes.FitReason(reason));
        lock (_closeGate)
        {
            if (_close is not null)
            {
                return;
            }

            Volatile.Write(ref _close, request);
        }

        LogClosing(_logger, ConnectionId, status, request.Reason);
        _outgoing.Writer.TryComplete();
        CancelQuietly(_closing);
        StopAllOperations();
        _closeTimer = _services.TimeProvider.CreateTimer(
            static state => ((GraphQLWsConnection)state!).Abort(), this, CloseHandshakeTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Reads messages until the client's close frame arrives; returns the client's close code.</summary>
    private async Task<int?> ReceiveLoopAsync()
    {
        var maxBytes = _services.Options.MaxRequestBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            var length = 0;
            var skipping = false;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), _connection.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (int?)_socket.CloseStatus;
                }

                if (skipping || IsClosing)
                {
                    // The rest of a message too large to read, or anything after we started closing: discarded.
                    skipping &= !result.EndOfMessage;
                    length = 0;
                    continue;
                }

                length += result.Count;
                if (length > maxBytes)
                {
                    RequestClose(GraphQLWsCloseCodes.MessageTooBig, $"Message too big: the limit is {maxBytes} bytes");
                    skipping = !result.EndOfMessage;
                    length = 0;
                    continue;
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                var message = buffer.AsMemory(0, length);
                length = 0;
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    RequestClose(GraphQLWsCloseCodes.BadRequest, "Invalid message: binary frames are not supported; send JSON text");
                    continue;
                }

                await OnMessageAsync(message);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task OnMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        _received++;
        var reading = GraphQLWsMessageReader.Read(utf8, _services.Serializer);
        if (reading.Message is not { } message)
        {
            RequestClose(GraphQLWsCloseCodes.BadRequest, reading.Error!);
            return;
        }

        switch (message.Type)
        {
            case GraphQLWsMessageTypes.Ping:
                await SendControlAsync(GraphQLWsOutgoingMessage.Pong(message.Payload));
                break;
            case GraphQLWsMessageTypes.Pong:
                // A pong nobody asked for is a unidirectional heartbeat: nothing to do.
                break;
            case GraphQLWsMessageTypes.ConnectionInit:
                await OnConnectionInitAsync(message.Payload);
                break;
            case GraphQLWsMessageTypes.Subscribe:
                await OnSubscribeAsync(message.Id!, message.Request!);
                break;
            case GraphQLWsMessageTypes.Complete:
                OnComplete(message.Id!);
                break;
        }
    }

    private async Task OnConnectionInitAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            RequestClose(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        CancelQuietly(_initWait);
        var credentials = RequestCredentials.FromInitPayload(payload, _httpContext.Request.Headers);
        Application.Identity.Authentication.AuthenticationResult authenticated;
        await using (var scope = _services.ScopeFactory.CreateAsyncScope())
        {
            authenticated = await _services.Authentication.AuthenticateAsync(scope.ServiceProvider, credentials, _closing.Token);
        }

        if (authenticated.Principal is null)
        {
            LogInitRefused(_logger, ConnectionId, authenticated.Failure ?? "no credentials");
            RequestClose(GraphQLWsCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _principal = authenticated.Principal;
        if (authenticated.ExpiresAt is { } expiresAt)
        {
            // A connection lives no longer than its credentials: at expiry it closes, and the client logs in again.
            var remaining = expiresAt - _services.TimeProvider.GetUtcNow();
            _expiryTimer = _services.TimeProvider.CreateTimer(
                static state => ((GraphQLWsConnection)state!).RequestClose(GraphQLWsCloseCodes.Forbidden, "Forbidden: credentials expired"),
                this,
                remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero,
                Timeout.InfiniteTimeSpan);
        }

        await SendControlAsync(GraphQLWsOutgoingMessage.ConnectionAck);
        _acknowledged = true;
    }

    private async Task OnSubscribeAsync(string id, GraphQLRequest request)
    {
        if (!_acknowledged)
        {
            RequestClose(GraphQLWsCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (_operations.ContainsKey(id))
        {
            RequestClose(GraphQLWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        var decision = await _services.Throttle.AcquireAsync(_principal, _httpContext.Connection.RemoteIpAddress?.ToString(), _closing.Token);
        if (!decision.Allowed)
        {
            await SendControlAsync(GraphQLWsOutgoingMessage.Error(id, [RateLimitErrors.Create(RateLimitErrors.Seconds(decision.RetryAfter))]));
            return;
        }

        var limit = _services.Options.MaxOperationsPerConnection;
        if (Volatile.Read(ref _occupiedSlots) >= limit)
        {
            var error = new KurobeError(ErrorCodes.TooManyOperations,
                $"This connection already runs {limit} operations, the most it may; complete one before starting another.");
            await SendControlAsync(GraphQLWsOutgoingMessage.Error(id, [error]));
            return;
        }

        Interlocked.Increment(ref _occupiedSlots);
        _started++;
        var operation = new GraphQLWsOperation(id);
        _operations[id] = operation;
        _running[operation] = 0;
        operation.Execution = Task.Run(() => RunOperationAsync(operation, request), CancellationToken.None);
    }

    private void OnComplete(string id)
    {
        // Unknown ids (never used, or already ended on our side) are ignored, as the protocol asks.
        if (_operations.TryRemove(id, out var operation) && operation.TryStop(_outgoing.Writer))
        {
            LogOperationStopped(_logger, ConnectionId, id);
        }
    }

    private async Task SendControlAsync(GraphQLWsOutgoingMessage message)
    {
        try
        {
            await _controlSlots.WaitAsync(_closing.Token);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            return;
        }

        if (!_outgoing.Writer.TryWrite(GraphQLWsOutgoing.Control(message)))
        {
            _controlSlots.Release();
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(_services.Options.ConnectionInitTimeout, _services.TimeProvider, _initWait.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            RequestClose(GraphQLWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task ShutdownAsync(Task sending, Task initTimeout)
    {
        StopAllOperations();
        await sending;
        await initTimeout;
        var operations = _running.Keys.Select(o => o.Execution).ToArray();
        try
        {
            await Task.WhenAll(operations).WaitAsync(OperationShutdownTimeout, _services.TimeProvider);
        }
        catch (TimeoutException)
        {
            LogOperationsLingering(_logger, ConnectionId, operations.Count(t => !t.IsCompleted), OperationShutdownTimeout);
        }

        LogClosed(_logger, ConnectionId, _started, _received, _sent, (int?)_socket.CloseStatus ?? Volatile.Read(ref _close)?.Status);
    }

    private void Abort()
    {
        CancelQuietly(_connection);
        _socket.Abort();
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection is already disposed.
        }
    }

    private static bool IsDisconnection(Exception exception) =>
        exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException;

    public void Dispose()
    {
        _closeTimer?.Dispose();
        _expiryTimer?.Dispose();
        _initWait.Dispose();
        _closing.Dispose();
        _connection.Dispose();
        _controlSlots.Dispose();
    }

    private sealed record CloseRequest(int Status, string Reason);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "WebSocket {ConnectionId} opened (graphql-transport-ws)")]
    private static partial void LogOpened(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug,
        Message = "WebSocket {ConnectionId} closed (code {CloseStatus}): {Operations} operations, {Received} messages received, {Sent} sent")]
    private static partial void LogClosed(ILogger logger, string connectionId, int operations, long received, long sent, int? closeStatus);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "WebSocket {ConnectionId} closing with {CloseStatus} {Reason}")]
    private static partial void LogClosing(ILogger logger, string connectionId, int closeStatus, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "WebSocket {ConnectionId}: the client went away")]
    private static partial void LogClientGone(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "WebSocket {ConnectionId}: unexpected failure; closing with 4500")]
    private static partial void LogUnexpected(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "WebSocket {ConnectionId}: the outgoing queue was full; closing with 4500")]
    private static partial void LogQueueFull(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "WebSocket {ConnectionId}: the client completed operation {OperationId}")]
    private static partial void LogOperationStopped(ILogger logger, string connectionId, string operationId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "WebSocket {ConnectionId}: {Count} operations had not ended {Timeout} after the connection closed")]
    private static partial void LogOperationsLingering(ILogger logger, string connectionId, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "WebSocket {ConnectionId}: connection_init refused ({Reason}); closing with 4403")]
    private static partial void LogInitRefused(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Error, Message = "WebSocket {ConnectionId}: sending failed; aborting the connection")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, Exception exception);
}
