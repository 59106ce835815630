namespace Kurobe.Api.GraphQL.Subscriptions;

/// <summary>
/// Back-pressure between a source stream and the transport that delivers its events: the source waits here before
/// each event, so a slow client slows the query down instead of making the server buffer its result.
/// </summary>
internal interface IStreamFlowControl
{
    ValueTask WaitToSendAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Allows a fixed number of events in flight; the transport hands a slot back each time it has written one event.
/// </summary>
internal sealed class StreamCreditWindow(int window) : IStreamFlowControl, IDisposable
{
    private readonly SemaphoreSlim _slots = new(window, window);

    public ValueTask WaitToSendAsync(CancellationToken cancellationToken) => new(_slots.WaitAsync(cancellationToken));

    /// <summary>One event has left the server.</summary>
    public void Delivered()
    {
        try
        {
            _slots.Release();
        }
        catch (SemaphoreFullException)
        {
            // An event that did not come through the window (an error or the completion) was delivered: no slot to return.
        }
        catch (ObjectDisposedException)
        {
            // The operation ended while its last event was being written.
        }
    }

    public void Dispose() => _slots.Dispose();
}

/// <summary>No back-pressure: for transports that consume events as fast as they come (and in tests).</summary>
internal sealed class UnboundedFlowControl : IStreamFlowControl
{
    public static UnboundedFlowControl Instance { get; } = new();

    public ValueTask WaitToSendAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
