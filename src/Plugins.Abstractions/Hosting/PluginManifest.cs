namespace Kurobe.Plugins.Abstractions.Hosting;

/// <summary>Who a plugin is and which providers it serves.</summary>
/// <param name="Name">The plugin's name, unique among the installed plugins.</param>
/// <param name="Version">The plugin's version, shown in <c>engines</c> and logs.</param>
/// <param name="Providers">The providers it can create engines for.</param>
public sealed record PluginManifest(string Name, Version Version, IReadOnlyList<EngineProvider> Providers);
