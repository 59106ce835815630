using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Kurobe.Application.Common.Behaviors;

/// <summary>Logs how a stream ended: how many items it yielded, how long it ran, and why it stopped.</summary>
public sealed partial class StreamLoggingBehavior<TMessage, TResponse>(
    ILogger<StreamLoggingBehavior<TMessage, TResponse>> logger,
    TimeProvider timeProvider)
    : IStreamPipelineBehavior<TMessage, TResponse>
    where TMessage : IStreamMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async IAsyncEnumerable<TResponse> Handle(
        TMessage message,
        StreamHandlerDelegate<TMessage, TResponse> next,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var items = 0L;
        var completed = false;
        await using var enumerator = next(message, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await enumerator.MoveNextAsync();
                }
                catch (Exception exception)
                {
                    MessageOutcomeLog.Failed(logger, MessageName, timeProvider.GetElapsedTime(started), exception, cancellationToken);
                    throw;
                }

                if (!hasNext)
                {
                    completed = true;
                    break;
                }

                items++;
                yield return enumerator.Current;
            }
        }
        finally
        {
            var elapsedMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            if (completed)
            {
                LogCompleted(logger, MessageName, items, elapsedMs);
            }
            else
            {
                LogStopped(logger, MessageName, items, elapsedMs);
            }
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Stream {MessageName} completed: {Items} items in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, string messageName, long items, double elapsedMs);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Stream {MessageName} stopped after {Items} items and {ElapsedMs:0.0} ms")]
    private static partial void LogStopped(ILogger logger, string messageName, long items, double elapsedMs);
}
