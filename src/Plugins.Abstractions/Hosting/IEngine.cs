namespace Kurobe.Plugins.Abstractions.Hosting;

/// <summary>
/// What every engine is. The host creates an engine once per loaded plugin generation and profile, calls it
/// concurrently, and disposes it when that generation has drained.
/// </summary>
public interface IEngine : IAsyncDisposable
{
    /// <summary>The kind of engine this is; it must match the interface it implements.</summary>
    EngineKind Kind { get; }
}
