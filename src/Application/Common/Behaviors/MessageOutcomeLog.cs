using Kurobe.Application.Common.Errors;
using Kurobe.Application.Engines;
using Kurobe.Domain.Common;
using Microsoft.Extensions.Logging;

namespace Kurobe.Application.Common.Behaviors;

/// <summary>How a failed message is logged: expected outcomes briefly, unexpected ones with the exception.</summary>
internal static partial class MessageOutcomeLog
{
    public static void Failed(ILogger logger, string messageName, TimeSpan elapsed, Exception exception, CancellationToken cancellationToken)
    {
        var elapsedMs = elapsed.TotalMilliseconds;
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                LogCancelled(logger, messageName, elapsedMs);
                break;
            case RequestValidationException or DomainRuleException or NotFoundException or ConflictException or SqlNotAllowedException:
                LogRejected(logger, messageName, elapsedMs, exception.Message);
                break;
            case QueryFailedException or QueryTimeoutException or QueryCancelledException or DataSourceUnavailableException:
                LogQueryProblem(logger, messageName, elapsedMs, exception.GetType().Name, exception.Message);
                break;
            case EngineUnavailableException:
                // A plugin's failure: the caller got a plain message; the cause (often the plugin's own exception) is here.
                LogEngineProblem(logger, messageName, elapsedMs, exception.Message, exception.InnerException);
                break;
            default:
                LogUnexpected(logger, messageName, elapsedMs, exception);
                break;
        }
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{MessageName} failed after {ElapsedMs:0.0} ms: {Reason}")]
    private static partial void LogEngineProblem(ILogger logger, string messageName, double elapsedMs, string reason, Exception? exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{MessageName} rejected after {ElapsedMs:0.0} ms: {Reason}")]
    private static partial void LogRejected(ILogger logger, string messageName, double elapsedMs, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{MessageName} cancelled by the caller after {ElapsedMs:0.0} ms")]
    private static partial void LogCancelled(ILogger logger, string messageName, double elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{MessageName} failed after {ElapsedMs:0.0} ms with {Problem}: {Reason}")]
    private static partial void LogQueryProblem(ILogger logger, string messageName, double elapsedMs, string problem, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "{MessageName} failed unexpectedly after {ElapsedMs:0.0} ms")]
    private static partial void LogUnexpected(ILogger logger, string messageName, double elapsedMs, Exception exception);
}
