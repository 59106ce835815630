using Mediator;

namespace Kurobe.Api.GraphQL.Subscriptions;

/// <summary>
/// A subscription's source stream over a Mediator stream message (query or command). The stream outlives the GraphQL request, so it owns
/// its own DI scope and cancellation: disposing the subscription (client <c>complete</c>, disconnect) cancels the
/// handler's token all the way down to the database.
/// </summary>
internal sealed class MediatorStreamObservable<T>(
    IServiceScopeFactory scopeFactory,
    Func<ISender, CancellationToken, IAsyncEnumerable<T>> createStream,
    IStreamFlowControl flowControl)
    : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer)
    {
        var subscription = new Subscription();
        _ = Task.Run(() => PumpAsync(observer, subscription.Token));
        return subscription;
    }

    private async Task PumpAsync(IObserver<object?> observer, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await foreach (var item in createStream(sender, cancellationToken).WithCancellation(cancellationToken))
            {
                await flowControl.WaitToSendAsync(cancellationToken);
                observer.OnNext(item);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The subscriber left; nobody is listening for an outcome.
        }
        catch (Exception exception)
        {
            observer.OnError(exception);
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new();

        public CancellationToken Token => _cancellation.Token;

        public void Dispose()
        {
            if (!_cancellation.IsCancellationRequested)
            {
                _cancellation.Cancel();
            }
        }
    }
}
