using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Application.Engines.Ports;

/// <summary>
/// An engine provider the server itself ships rather than a plugin, such as the text-to-SQL provider
/// <c>semantic_compiler</c>, which composes other engines with the host's semantic compiler. Profiles in
/// <c>config/engines.yaml</c> choose it by name like any plugin provider; a plugin providing the same name wins.
/// </summary>
public interface IBuiltInEngineProvider
{
    /// <summary>The kind and provider name it serves.</summary>
    EngineProvider Provider { get; }

    /// <summary>Creates the engine for one profile; throws when the profile's configuration is invalid.</summary>
    IEngine Create(EngineContext context);
}
