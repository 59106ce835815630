using System.ComponentModel.DataAnnotations;
using Kurobe.Infrastructure.Plugins;

namespace Kurobe.Infrastructure.Semantic;

/// <summary>Where the semantic model files are, and how file changes are picked up.</summary>
internal sealed class SemanticOptions
{
    public const string SectionName = "Kurobe:Semantic";

    public const string DefaultDirectoryName = "semantic";

    /// <summary>The directory of <c>*.yaml</c> model files. Null means <c>semantic</c> in the config directory; a relative path is relative to the working directory.</summary>
    public string? Directory { get; set; }

    /// <summary>How long file changes must settle before a reload.</summary>
    [Range(0, 60_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 500;

    public TimeSpan ReloadDebounce => TimeSpan.FromMilliseconds(ReloadDebounceMilliseconds);

    public string ResolveDirectory(string? configDirectory = null) => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(PluginOptions.ResolveConfigDirectory(configDirectory), DefaultDirectoryName)
        : Path.GetFullPath(Directory);
}
