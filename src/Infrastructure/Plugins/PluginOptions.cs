using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.Plugins;

/// <summary>Where engine plugins live, where engines.yaml is, and how swaps behave.</summary>
internal sealed class PluginOptions
{
    public const string SectionName = "Kurobe:Plugins";

    /// <summary>The environment variable (or configuration key) that names the config directory.</summary>
    public const string ConfigDirectoryVariable = "KUROBE_CONFIG_DIR";

    public const string EnginesFileName = "engines.yaml";

    /// <summary>One subfolder per plugin. Null means <c>plugins</c> beside the binaries; a relative path is relative to the working directory.</summary>
    public string? Directory { get; set; }

    /// <summary>The engines file. Null means <c>engines.yaml</c> in the config directory.</summary>
    public string? EnginesFile { get; set; }

    /// <summary>How long file changes must settle before a reload.</summary>
    [Range(0, 60_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 500;

    /// <summary>How long a replaced generation may keep serving its leases before it is disposed anyway.</summary>
    [Range(0, 3600)]
    public int DrainTimeoutSeconds { get; set; } = 60;

    public TimeSpan ReloadDebounce => TimeSpan.FromMilliseconds(ReloadDebounceMilliseconds);

    public TimeSpan DrainTimeout => TimeSpan.FromSeconds(DrainTimeoutSeconds);

    public string ResolveDirectory() => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(AppContext.BaseDirectory, "plugins")
        : Path.GetFullPath(Directory);

    public string ResolveEnginesFile(string? configDirectory = null) => string.IsNullOrWhiteSpace(EnginesFile)
        ? Path.Combine(ResolveConfigDirectory(configDirectory), EnginesFileName)
        : Path.GetFullPath(EnginesFile);

    // The same rule as the host's configuration: ./config in the working directory when there is one, else the copy
    // beside the binaries; KUROBE_CONFIG_DIR overrides both.
    public static string ResolveConfigDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var inWorkingDirectory = Path.GetFullPath("config");
        return System.IO.Directory.Exists(inWorkingDirectory) ? inWorkingDirectory : Path.Combine(AppContext.BaseDirectory, "config");
    }
}
