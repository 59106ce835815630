namespace Kurobe.Application.Engines;

/// <summary>No engine can serve a request: not configured, not installed, or failed. Maps to <c>ENGINE_UNAVAILABLE</c>.</summary>
public sealed class EngineUnavailableException : Exception
{
    public EngineUnavailableException(string message)
        : base(message)
    {
    }

    public EngineUnavailableException()
    {
    }

    public EngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether an engine was reached and failed the call (threw, timed out, answered nonsense), rather than not being available at all.</summary>
    public bool CallFailed { get; init; }
}
