using System.ComponentModel.DataAnnotations;

namespace Kurobe.Application.DataSources;

/// <summary>How data sources are watched and described.</summary>
public sealed class DataSourceOptions
{
    public const string SectionName = "Kurobe:DataSources";

    /// <summary>How often the background monitor checks every source.</summary>
    [Range(1, 86_400)]
    public int HealthCheckIntervalSeconds { get; set; } = 30;

    /// <summary>How long one check (or a connection test) may take before the source counts as unreachable.</summary>
    [Range(1, 300)]
    public int ProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>How long a source's schema is served from memory before it is read again.</summary>
    [Range(0, 10_080)]
    public int SchemaCacheMinutes { get; set; } = 10;

    /// <summary>The longest password or token accepted, in characters.</summary>
    [Range(1, 65_536)]
    public int MaxSecretLength { get; set; } = 8_192;
}
