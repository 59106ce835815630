using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Plugins;

internal static partial class PluginLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Loaded plugin {Plugin} {Version} from folder {Folder} (generation {Generation})")]
    public static partial void PluginLoaded(this ILogger logger, string plugin, Version version, string folder, long generation);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Plugin folder {Folder} failed to load; the previous generation, if any, keeps serving")]
    public static partial void PluginLoadFailed(this ILogger logger, Exception exception, string folder);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Plugin {Plugin} {Version} failed to create the {Kind} engine for profile {Profile}")]
    public static partial void EngineCreateFailed(this ILogger logger, Exception exception, string plugin, Version version, string kind, string profile);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Engines swapped: {Summary}")]
    public static partial void EnginesSwapped(this ILogger logger, string summary);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Plugin generation {Generation} of folder {Folder} drained and unloaded")]
    public static partial void GenerationUnloaded(this ILogger logger, long generation, string folder);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Plugin folder {Folder} version {Version} still had {Leases} lease(s) after {Timeout}; disposing it anyway")]
    public static partial void DrainTimedOut(this ILogger logger, string folder, Version version, int leases, TimeSpan timeout);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "Disposing the {Kind} engine for profile {Profile} of plugin folder {Folder} failed")]
    public static partial void EngineDisposeFailed(this ILogger logger, Exception exception, string kind, string profile, string folder);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "The engines file is invalid; {Fallback}: {Reason}")]
    public static partial void EnginesFileInvalid(this ILogger logger, string fallback, string reason);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "Provider {Kind}/{Provider} is served by both {Folder} and {OtherFolder}; {Folder} wins")]
    public static partial void DuplicateProvider(this ILogger logger, string kind, string provider, string folder, string otherFolder);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Error, Message = "Reloading the engine plugins failed")]
    public static partial void ReloadFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "The plugin directory {Directory} does not exist; no engine plugins are installed")]
    public static partial void PluginDirectoryMissing(this ILogger logger, string directory);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Debug, Message = "Change under {Path}; reloading after the files settle")]
    public static partial void ChangeDetected(this ILogger logger, string path);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Error, Message = "The built-in {Kind} engine for profile {Profile} ({Provider}) could not be created")]
    public static partial void BuiltInEngineFailed(this ILogger logger, Exception exception, string kind, string profile, string provider);
}
