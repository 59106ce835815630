using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Kurobe.Plugins.Abstractions.Hosting;

/// <summary>What the host gives an engine it creates.</summary>
/// <param name="Profile">The profile in <c>config/engines.yaml</c> the engine serves, for example <c>default</c>.</param>
/// <param name="Config">
/// The profile's <c>config</c> object, as JSON. Engines validate it themselves and throw
/// <see cref="ArgumentException"/> with a plain message when it is wrong.
/// </param>
/// <param name="LoggerFactory">Loggers that write to the host's logs, with the plugin's name in scope.</param>
/// <param name="TimeProvider">The host's clock; use it rather than <see cref="DateTime.UtcNow"/> so tests can control time.</param>
public sealed record EngineContext(string Profile, JsonElement Config, ILoggerFactory LoggerFactory, TimeProvider TimeProvider);
