using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.DuckDb;

/// <summary>Engine limits applied to every DuckDB database Kurobe opens for queries.</summary>
public sealed class DuckDbOptions
{
    public const string SectionName = "Kurobe:DuckDb";

    /// <summary>Worker threads per database; 0 lets DuckDB use every core.</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>DuckDB's memory limit per database, in DuckDB's notation (for example <c>2GB</c>); empty for DuckDB's default (80% of RAM).</summary>
    [RegularExpression(@"^(\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)|\d+%)?$", ErrorMessage = "Kurobe:DuckDb:MemoryLimit must look like 2GB, 512MiB or 50%.")]
    public string MemoryLimit { get; set; } = "";
}
