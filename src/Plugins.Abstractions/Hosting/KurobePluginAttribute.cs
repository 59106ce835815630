namespace Kurobe.Plugins.Abstractions.Hosting;

/// <summary>
/// Names a plugin assembly's entry point: <c>[assembly: KurobePlugin(typeof(MyPlugin))]</c>, where <c>MyPlugin</c>
/// implements <see cref="IKurobePlugin"/> and has a public parameterless constructor.
/// </summary>
/// <param name="pluginType">The type implementing <see cref="IKurobePlugin"/>.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class KurobePluginAttribute(Type pluginType) : Attribute
{
    /// <summary>The type implementing <see cref="IKurobePlugin"/>.</summary>
    public Type PluginType { get; } = pluginType;
}
