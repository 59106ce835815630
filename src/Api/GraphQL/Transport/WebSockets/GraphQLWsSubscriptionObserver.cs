using GraphQL;
using Kurobe.Api.GraphQL.Subscriptions;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>
/// Receives the response stream of one subscription (GraphQL.NET delivers its events in order, one at a time) and
/// queues them as <c>next</c>, <c>error</c> and <c>complete</c> messages. <see cref="Ended"/> completes when the
/// stream has ended on its own, so the operation can release what it holds.
/// </summary>
internal sealed class GraphQLWsSubscriptionObserver(
    GraphQLWsConnection connection,
    GraphQLWsOperation operation,
    StreamCreditWindow window)
    : IObserver<ExecutionResult>
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ended => _ended.Task;

    public void OnNext(ExecutionResult value) => connection.PostNext(operation, value, window);

    public void OnError(Exception error)
    {
        connection.PostStreamError(operation, error);
        _ended.TrySetResult();
    }

    public void OnCompleted()
    {
        connection.PostComplete(operation);
        _ended.TrySetResult();
    }
}
