using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>Connection pooling and time limits for every PostgreSQL data source.</summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Kurobe:Postgres";

    /// <summary>Connections per data source at most; queries beyond it wait for a free connection.</summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>How long opening a connection may take before the source counts as unavailable.</summary>
    [Range(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Added to a query's time budget for the server's <c>statement_timeout</c>, so Kurobe's own cancellation, not
    /// the server, normally reports a timeout.
    /// </summary>
    [Range(0, 600)]
    public int CommandTimeoutMarginSeconds { get; set; } = 2;

    /// <summary>
    /// How long a streamed result may wait for its consumer to ask for the next batch before the server ends its
    /// transaction and closes the connection (PostgreSQL's idle-in-transaction timeout). A paused stream holds a
    /// connection and a snapshot that keeps VACUUM from cleaning up; this bounds both. Never shorter than the query's
    /// own time budget plus the margin.
    /// </summary>
    [Range(1, 86_400)]
    public int IdleCursorTimeoutSeconds { get; set; } = 300;
}
