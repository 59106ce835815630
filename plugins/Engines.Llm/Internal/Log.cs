using Microsoft.Extensions.Logging;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>The plugin's log messages. None carries an API key, a prompt or a reply's text.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Created the {Provider} engine for profile {Profile}: model {Model} at {Endpoint}")]
    public static partial void EngineCreated(this ILogger logger, string provider, string profile, string model, string endpoint);

    [LoggerMessage(2, LogLevel.Information, "Model {Model} answered in {ElapsedMs:F0} ms after {Attempts} attempt(s): {InputTokens} input and {OutputTokens} output tokens, cost {CostUsd} USD")]
    public static partial void ModelAnswered(this ILogger logger, string model, double elapsedMs, int attempts, long inputTokens, long outputTokens, decimal? costUsd);

    [LoggerMessage(3, LogLevel.Warning, "The {Provider} model answered HTTP {Status}; retry {Retry} of {MaxRetries} in {DelayMs:F0} ms")]
    public static partial void RetryingModelCall(this ILogger logger, string provider, int status, int retry, int maxRetries, double delayMs);

    [LoggerMessage(4, LogLevel.Warning, "The {Provider} model call failed: {Reason}")]
    public static partial void ModelCallFailed(this ILogger logger, string provider, string reason);

    [LoggerMessage(5, LogLevel.Warning, "The {Provider} model did not answer within {TimeoutSeconds} s")]
    public static partial void ModelCallTimedOut(this ILogger logger, string provider, double timeoutSeconds);

    [LoggerMessage(6, LogLevel.Warning, "Refused the model's SQL: {Reason}")]
    public static partial void SqlRejected(this ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Information, "The model refused the question: {Reason}")]
    public static partial void ModelRefused(this ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Refused the model's semantic query: {Reason}")]
    public static partial void SemanticQueryRejected(this ILogger logger, string reason);
}
