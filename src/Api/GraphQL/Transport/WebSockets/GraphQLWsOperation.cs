using System.Threading.Channels;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>How a queued message of an operation fared.</summary>
internal enum GraphQLWsPostResult
{
    Queued,

    /// <summary>The operation already ended (the client completed it, or it finished): nothing to send.</summary>
    Ended,

    /// <summary>The queue refused the message: the connection is closing, or (a bug) the queue is full.</summary>
    Refused,
}

/// <summary>
/// One operation (a <c>subscribe</c>) of a connection. It is active until it either finishes on the server side (its
/// <c>complete</c> or <c>error</c> is queued) or is stopped (client <c>complete</c>, connection closing); the two are
/// exclusive, and every message of the operation is queued under the same gate as those transitions, so that nothing
/// of a stopped operation is queued after its release marker and nothing follows its terminal message.
/// </summary>
internal sealed class GraphQLWsOperation(string id) : IDisposable
{
    private const int Active = 0;
    private const int Finished = 1;
    private const int Stopped = 2;

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancellation = new();
    private int _state;
    private int _slotReleased;

    public string Id { get; } = id;

    /// <summary>Cancelled when the operation is stopped; everything the operation runs observes it.</summary>
    public CancellationToken Stopping => _cancellation.Token;

    /// <summary>The task that runs the operation; the connection awaits it on shutdown.</summary>
    public Task Execution { get; set; } = Task.CompletedTask;

    public bool IsStopped => Volatile.Read(ref _state) == Stopped;

    /// <summary>Queues a <c>next</c> while the operation is active.</summary>
    public GraphQLWsPostResult TryPost(ChannelWriter<GraphQLWsOutgoing> queue, GraphQLWsOutgoing item)
    {
        lock (_gate)
        {
            if (_state != Active)
            {
                return GraphQLWsPostResult.Ended;
            }

            return queue.TryWrite(item) ? GraphQLWsPostResult.Queued : GraphQLWsPostResult.Refused;
        }
    }

    /// <summary>Ends the operation from the server side with its last message, unless it has already ended.</summary>
    public GraphQLWsPostResult TryFinish(ChannelWriter<GraphQLWsOutgoing> queue, GraphQLWsOutgoing terminal)
    {
        lock (_gate)
        {
            if (_state != Active)
            {
                return GraphQLWsPostResult.Ended;
            }

            _state = Finished;
            return queue.TryWrite(terminal) ? GraphQLWsPostResult.Queued : GraphQLWsPostResult.Refused;
        }
    }

    /// <summary>
    /// Stops the operation (client <c>complete</c> or connection closing): queues its release marker and cancels
    /// everything it runs. Returns false when it had already ended.
    /// </summary>
    public bool TryStop(ChannelWriter<GraphQLWsOutgoing> queue)
    {
        lock (_gate)
        {
            if (_state != Active)
            {
                return false;
            }

            _state = Stopped;
            queue.TryWrite(new GraphQLWsOutgoing(GraphQLWsSendKind.Release, null, this, null));
        }

        Cancel();
        return true;
    }

    /// <summary>Cancels what the operation runs without changing its state (the connection is going away).</summary>
    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The operation's task already ended and disposed it.
        }
    }

    /// <summary>True exactly once: the operation's slot in the connection's operation count is to be freed.</summary>
    public bool TryReleaseSlot() => Interlocked.Exchange(ref _slotReleased, 1) == 0;

    public void Dispose() => _cancellation.Dispose();
}
