using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.Storage;

/// <summary>Where Kurobe keeps its own files.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Kurobe:Storage";

    /// <summary>The environment variable that overrides <see cref="DataDirectory"/>.</summary>
    public const string DataDirectoryVariable = "KUROBE_DATA_DIR";

    /// <summary>The data directory; relative paths are relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    /// <summary>A path as Kurobe reads it: absolute as given, relative to the data directory otherwise.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, ResolveDataDirectory());
}
