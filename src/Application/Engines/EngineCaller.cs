using Kurobe.Application.Engines.Ports;
using Kurobe.Plugins.Abstractions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kurobe.Application.Engines;

/// <summary>An engine's answer and which profile gave it (the requested one, or its fallback).</summary>
public sealed record EngineAnswer<TResult>(TResult Result, EngineStatus AnsweredBy);

/// <summary>
/// Calls a plugin engine the way every use case should: leased for the call, bounded in time, with a plugin's
/// failures (throwing, hanging, answering nonsense, or not loading at all) contained. A failed call is reported to
/// the registry, so that it shows in <c>engines { lastError }</c>, and the profile's configured fallback answers
/// instead, when it has one.
/// </summary>
public sealed partial class EngineCaller(IEngineRegistry engines, ILogger<EngineCaller> logger)
{
    /// <param name="kind">The engine kind.</param>
    /// <param name="profile">The profile; <c>default</c> when null.</param>
    /// <param name="timeout">How long one engine may take.</param>
    /// <param name="call">The call.</param>
    /// <param name="problemWith">Checks an answer: a description of what is wrong with it, or null when it is usable.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<EngineAnswer<TResult>> CallAsync<TEngine, TResult>(
        EngineKind kind,
        string? profile,
        TimeSpan timeout,
        Func<TEngine, CancellationToken, Task<TResult>> call,
        Func<TResult, string?> problemWith,
        CancellationToken cancellationToken)
        where TEngine : class, IEngine
    {
        var requested = profile ?? "default";
        try
        {
            return await CallProfileAsync(kind, requested, timeout, call, problemWith, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineUnavailableException failure) when (FallbackOf(kind, requested) is { } fallback)
        {
            LogFallingBack(logger, kind, requested, fallback, failure.Message);
            try
            {
                return await CallProfileAsync(kind, fallback, timeout, call, problemWith, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineUnavailableException fallbackFailure)
            {
                throw new EngineUnavailableException(
                    $"{failure.Message} Its fallback '{fallback}' failed too: {fallbackFailure.Message}", fallbackFailure)
                {
                    CallFailed = failure.CallFailed || fallbackFailure.CallFailed,
                };
            }
        }
    }

    private async Task<EngineAnswer<TResult>> CallProfileAsync<TEngine, TResult>(
        EngineKind kind,
        string profile,
        TimeSpan timeout,
        Func<TEngine, CancellationToken, Task<TResult>> call,
        Func<TResult, string?> problemWith,
        CancellationToken cancellationToken)
        where TEngine : class, IEngine
    {
        using var lease = engines.Lease<TEngine>(kind, profile);
        var provider = lease.Status.Provider;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        TResult result;
        try
        {
            // WaitAsync: an engine that ignores its token still releases the caller at the time limit.
            result = await call(lease.Engine, limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(kind, profile, $"The {EngineKindText.Of(kind)} engine '{provider}' did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The caller gets a plain message; the log and the inner exception keep the plugin's detail.
            LogCallFailed(logger, exception, kind, profile, provider);
            throw Failed(kind, profile, $"The {EngineKindText.Of(kind)} engine '{provider}' failed.", exception);
        }

        if (result is null || problemWith(result) is { } problem)
        {
            throw Failed(kind, profile, $"The {EngineKindText.Of(kind)} engine '{provider}' returned an invalid answer: {(result is null ? "nothing" : problemWith(result))}.");
        }

        return new EngineAnswer<TResult>(result, lease.Status);
    }

    private EngineUnavailableException Failed(EngineKind kind, string profile, string message, Exception? inner = null)
    {
        engines.ReportCallFailure(kind, profile, message);
        return inner is null
            ? new EngineUnavailableException(message) { CallFailed = true }
            : new EngineUnavailableException(message, inner) { CallFailed = true };
    }

    private string? FallbackOf(EngineKind kind, string profile) =>
        engines.Statuses.FirstOrDefault(s => s.Kind == kind && s.Profile == profile)?.Fallback;


    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "The {Kind} engine of profile {Profile} failed ({Reason}); its fallback {Fallback} answers instead")]
    private static partial void LogFallingBack(ILogger logger, EngineKind kind, string profile, string fallback, string reason);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "A call to the {Kind} engine of profile {Profile} ({Provider}) threw")]
    private static partial void LogCallFailed(ILogger logger, Exception exception, EngineKind kind, string profile, string provider);
}
