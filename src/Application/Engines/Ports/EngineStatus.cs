using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Application.Engines.Ports;

public enum EngineState
{
    /// <summary>Loaded and answering.</summary>
    Ready,

    /// <summary>No profile is configured, or no installed plugin provides the configured provider.</summary>
    NotConfigured,

    /// <summary>The plugin failed to load or to create the engine; an earlier good generation may still answer.</summary>
    Failed,
}

/// <summary>A configured engine profile and what serves it.</summary>
/// <param name="Kind">The engine kind.</param>
/// <param name="Profile">The profile in engines.yaml, for example <c>default</c>.</param>
/// <param name="Provider">The configured provider name.</param>
/// <param name="Plugin">The plugin serving it, when one does.</param>
/// <param name="Version">That plugin's version.</param>
/// <param name="State">Whether it answers.</param>
/// <param name="LastError">The latest load or call failure, safe to show.</param>
/// <param name="LoadedAt">When the serving generation was loaded.</param>
/// <param name="Fallback">The profile that answers when this one's engine fails a call, if one is configured.</param>
/// <param name="BuiltIn">Whether the server itself provides the engine rather than a plugin.</param>
public sealed record EngineStatus(
    EngineKind Kind,
    string Profile,
    string Provider,
    string? Plugin,
    Version? Version,
    EngineState State,
    string? LastError,
    DateTimeOffset? LoadedAt,
    string? Fallback = null,
    bool BuiltIn = false);
