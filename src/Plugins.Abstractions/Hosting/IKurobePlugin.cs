namespace Kurobe.Plugins.Abstractions.Hosting;

/// <summary>
/// A plugin's entry point, named by <see cref="KurobePluginAttribute"/> and created with its parameterless
/// constructor each time the plugin's assembly is loaded.
/// </summary>
public interface IKurobePlugin
{
    /// <summary>The plugin's name, version and providers.</summary>
    PluginManifest Manifest { get; }

    /// <summary>
    /// Creates the engine for <paramref name="provider"/> (one of <see cref="PluginManifest.Providers"/>) with a
    /// profile's settings. Throwing, or returning an engine of another kind, fails that profile only.
    /// </summary>
    IEngine CreateEngine(EngineProvider provider, EngineContext context);
}
