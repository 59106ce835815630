namespace Kurobe.Plugins.Abstractions.Hosting;

/// <summary>A provider name a plugin serves for one kind of engine, as <c>config/engines.yaml</c> names it.</summary>
/// <param name="Kind">The kind of engine.</param>
/// <param name="Name">The provider name, for example <c>rule_based</c>: lower case letters, digits and <c>_</c>.</param>
public sealed record EngineProvider(EngineKind Kind, string Name);
