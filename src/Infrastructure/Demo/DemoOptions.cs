using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.Demo;

/// <summary>The embedded retail demo data set, registered as the data source <c>demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Kurobe:Demo";

    public const string DataSourceName = "demo";

    public const string FileName = "demo.duckdb";

    public bool Enabled { get; set; } = true;

    /// <summary>Size of the data set: 1 means 100,000 orders, 2,000 customers and 150 products.</summary>
    [Range(1, 1000)]
    public int Scale { get; set; } = 1;

    /// <summary>Make the demo the source used when a request names none.</summary>
    public bool IsDefault { get; set; } = true;
}
