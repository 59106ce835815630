using Mediator;
using Microsoft.Extensions.Logging;

namespace Kurobe.Application.Common.Behaviors;

/// <summary>Logs every message's outcome and duration, so each use case shows up in the logs the same way.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(
    ILogger<LoggingBehavior<TMessage, TResponse>> logger,
    TimeProvider timeProvider)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsedMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(logger, MessageName, elapsedMs);
            return response;
        }
        catch (Exception exception)
        {
            MessageOutcomeLog.Failed(logger, MessageName, timeProvider.GetElapsedTime(started), exception, cancellationToken);
            throw;
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Handled {MessageName} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageName, double elapsedMs);
}
