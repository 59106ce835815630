using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Application.Engines.Ports;

/// <summary>
/// The engines the loaded plugins provide, per kind and profile of <c>config/engines.yaml</c>. Callers lease an engine
/// for one call (or one stream) and dispose the lease when done: a plugin generation that was replaced keeps serving
/// its leases and unloads only when the last one is returned.
/// </summary>
public interface IEngineRegistry
{
    /// <summary>
    /// Leases the engine for <paramref name="kind"/> and <paramref name="profile"/> (<c>default</c> when null).
    /// Throws <see cref="EngineUnavailableException"/> when the profile is not configured, its provider is not
    /// installed, or its plugin failed to load.
    /// </summary>
    EngineLease<TEngine> Lease<TEngine>(EngineKind kind, string? profile = null)
        where TEngine : class, IEngine;

    /// <summary>Every configured profile and its state, for the <c>engines</c> query and health.</summary>
    IReadOnlyList<EngineStatus> Statuses { get; }

    /// <summary>
    /// Records that a call to the engine serving <paramref name="profile"/> failed (threw, timed out or answered
    /// nonsense), so that the failure shows as its <see cref="EngineStatus.LastError"/> until the profile reloads.
    /// </summary>
    void ReportCallFailure(EngineKind kind, string profile, string error);
}
