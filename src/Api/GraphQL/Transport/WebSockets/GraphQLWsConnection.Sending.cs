using System.Net.WebSockets;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>The send loop: the only writer to the socket.</summary>
internal sealed partial class GraphQLWsConnection
{
    private async Task SendLoopAsync()
    {
        var reader = _outgoing.Reader;
        var buffer = new MemoryStream(InitialBufferBytes);
        try
        {
            while (await reader.WaitToReadAsync(_connection.Token))
            {
                while (!IsClosing && reader.TryRead(out var item))
                {
                    await SendItemAsync(item, buffer);
                }

                if (IsClosing)
                {
                    break;
                }
            }

            var close = Volatile.Read(ref _close)!;
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)close.Status, close.Reason, _connection.Token);
            }
        }
        catch (Exception exception) when (IsDisconnection(exception))
        {
            LogClientGone(_logger, ConnectionId, exception);
            Abort();
        }
        catch (Exception exception)
        {
            // Nothing more can be written: drop the connection rather than leave the client waiting.
            LogSendFailed(_logger, ConnectionId, exception);
            Abort();
        }
        finally
        {
            await buffer.DisposeAsync();
        }
    }

    private async Task SendItemAsync(GraphQLWsOutgoing item, MemoryStream buffer)
    {
        var operation = item.Operation;
        if (item.Kind == GraphQLWsSendKind.Release)
        {
            ReleaseSlot(operation!);
            return;
        }

        if (item.Kind == GraphQLWsSendKind.Next && operation!.IsStopped)
        {
            // Queued before the client completed the operation: it must not see it any more.
            item.Window?.Delivered();
            return;
        }

        try
        {
            buffer.SetLength(0);
            await _services.Serializer.WriteAsync(buffer, item.Message, _connection.Token);
        }
        catch (Exception exception) when (!IsDisconnection(exception))
        {
            LogUnexpected(_logger, ConnectionId, exception);
            RequestClose(GraphQLWsCloseCodes.InternalServerError, "Internal server error");
            return;
        }

        await _socket.SendAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), WebSocketMessageType.Text, endOfMessage: true, _connection.Token);
        _sent++;
        if (buffer.Capacity > RetainedSendBufferBytes)
        {
            buffer.SetLength(0);
            buffer.Capacity = InitialBufferBytes;
        }

        switch (item.Kind)
        {
            case GraphQLWsSendKind.Control:
                _controlSlots.Release();
                break;
            case GraphQLWsSendKind.Next:
                item.Window?.Delivered();
                break;
            case GraphQLWsSendKind.Terminal:
                ReleaseSlot(operation!);
                break;
        }
    }
}
