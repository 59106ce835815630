namespace Kurobe.Application.Engines.Ports;

/// <summary>An engine borrowed for one call; dispose it when the call (or stream) is over.</summary>
public sealed class EngineLease<TEngine>(TEngine engine, EngineStatus status, Action release) : IDisposable
    where TEngine : class
{
    private Action? _release = release;

    public TEngine Engine { get; } = engine;

    /// <summary>Which profile, provider, plugin and version answered.</summary>
    public EngineStatus Status { get; } = status;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
