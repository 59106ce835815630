namespace Kurobe.Application.DataSources.Health;

public enum DataSourceHealth
{
    /// <summary>Not checked yet.</summary>
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>The latest check of a source.</summary>
/// <param name="LastError">Why the latest check failed, in words safe to show (no paths or secrets).</param>
/// <param name="LastHealthyAt">When the source last answered, if ever.</param>
public sealed record DataSourceStatus(
    DataSourceHealth Health,
    double? LatencyMs,
    DateTimeOffset? CheckedAt,
    string? LastError,
    DateTimeOffset? LastHealthyAt,
    string? ServerVersion)
{
    public static DataSourceStatus NotChecked { get; } = new(DataSourceHealth.Unknown, null, null, null, null, null);
}
