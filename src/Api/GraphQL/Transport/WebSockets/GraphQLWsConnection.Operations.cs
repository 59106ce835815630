using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.GraphQL.Subscriptions;
using Kurobe.Application.Common.Security;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>The operations of a connection: each runs in its own task and DI scope, and queues its messages.</summary>
internal sealed partial class GraphQLWsConnection
{
    private async Task RunOperationAsync(GraphQLWsOperation operation, GraphQLRequest request)
    {
        // Flows into the subscription's source stream too: its pump task starts inside this scope.
        using var principal = AmbientPrincipal.Use(_principal);
        try
        {
            await using var scope = _services.ScopeFactory.CreateAsyncScope();
            // Not disposed: the source stream may still be unwinding from its cancellation when the operation ends.
            var window = new StreamCreditWindow(_services.Options.StreamWindow);
            var context = new GraphQLOperationContext(
                scope.ServiceProvider,
                _httpContext.User,
                AllowedOperations.All,
                static type => $"{type} operations are not supported.",
                new GraphQLUserContext { StreamFlowControl = window });
            var result = await _services.Executor.ExecuteAsync(request, context, operation.Stopping);
            if (result.Streams is { } streams)
            {
                if (streams.Count == 0)
                {
                    Finish(operation, GraphQLWsOutgoingMessage.Complete(operation.Id));
                    return;
                }

                var observer = new GraphQLWsSubscriptionObserver(this, operation, window);
                using var subscription = streams.Values.First().Subscribe(observer);
                // Until the stream ends, or the operation is stopped: leaving disposes the subscription, which cancels
                // the source stream and the database query under it.
                await observer.Ended.WaitAsync(operation.Stopping);
            }
            else if (!result.Executed || result.Operation?.Operation == OperationType.Subscription)
            {
                // It could not start (parse, validation or variable errors, or no source stream): an error message.
                Finish(operation, GraphQLWsOutgoingMessage.Error(operation.Id, ErrorsOf(result)));
            }
            else
            {
                Post(operation, new GraphQLWsOutgoing(GraphQLWsSendKind.Next, GraphQLWsOutgoingMessage.Next(operation.Id, result), operation, null));
                Finish(operation, GraphQLWsOutgoingMessage.Complete(operation.Id));
            }
        }
        catch (OperationCanceledException) when (operation.Stopping.IsCancellationRequested)
        {
            // Stopped by the client or by the connection closing: nothing more to send.
        }
        catch (Exception exception)
        {
            LogUnexpected(_logger, ConnectionId, exception);
            RequestClose(GraphQLWsCloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, GraphQLWsOperation>(operation.Id, operation));
            _running.TryRemove(operation, out _);
            operation.Dispose();
        }
    }

    /// <summary>Queues a <c>next</c> of a subscription; called by its observer.</summary>
    public void PostNext(GraphQLWsOperation operation, ExecutionResult result, StreamCreditWindow window)
    {
        var outcome = Post(operation, new GraphQLWsOutgoing(GraphQLWsSendKind.Next, GraphQLWsOutgoingMessage.Next(operation.Id, result), operation, window));
        if (outcome != GraphQLWsPostResult.Queued)
        {
            // Not going out: hand the credit back so the source is not left waiting for it.
            window.Delivered();
        }
    }

    /// <summary>Ends a subscription whose source stream failed; GraphQL.NET hands over the mapped error.</summary>
    public void PostStreamError(GraphQLWsOperation operation, Exception exception)
    {
        var error = exception as ExecutionError ?? _services.Errors.ToError(exception);
        Finish(operation, GraphQLWsOutgoingMessage.Error(operation.Id, [error]));
    }

    /// <summary>Ends a subscription whose stream completed.</summary>
    public void PostComplete(GraphQLWsOperation operation) => Finish(operation, GraphQLWsOutgoingMessage.Complete(operation.Id));

    private GraphQLWsPostResult Post(GraphQLWsOperation operation, GraphQLWsOutgoing item)
    {
        var outcome = operation.TryPost(_outgoing.Writer, item);
        OnRefused(outcome);
        return outcome;
    }

    private void Finish(GraphQLWsOperation operation, GraphQLWsOutgoingMessage last)
    {
        // The id is free again as soon as the operation's last message is queued.
        _operations.TryRemove(new KeyValuePair<string, GraphQLWsOperation>(operation.Id, operation));
        OnRefused(operation.TryFinish(_outgoing.Writer, new GraphQLWsOutgoing(GraphQLWsSendKind.Terminal, last, operation, null)));
    }

    private void OnRefused(GraphQLWsPostResult outcome)
    {
        if (outcome == GraphQLWsPostResult.Refused && !IsClosing)
        {
            // The queue is sized so that this cannot happen; if it does, the accounting is wrong: fail loudly.
            LogQueueFull(_logger, ConnectionId);
            RequestClose(GraphQLWsCloseCodes.InternalServerError, "Internal server error");
        }
    }

    private static ExecutionError[] ErrorsOf(ExecutionResult result) =>
        result.Errors is { Count: > 0 } errors
            ? [.. errors]
            : [new KurobeError(ErrorCodes.InternalServerError, "The operation could not be executed.")];

    private void ReleaseSlot(GraphQLWsOperation operation)
    {
        if (operation.TryReleaseSlot())
        {
            Interlocked.Decrement(ref _occupiedSlots);
        }
    }

    private void StopAllOperations()
    {
        foreach (var operation in _running.Keys)
        {
            if (!operation.TryStop(_outgoing.Writer))
            {
                operation.Cancel();
            }
        }

        _operations.Clear();
    }
}
