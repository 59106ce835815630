namespace Kurobe.Infrastructure.Persistence.DataSources;

/// <summary>A row of <c>data_sources</c>. The Domain's <c>DataSource</c> stays free of persistence concerns; see <see cref="DataSourceRecordMapping"/>.</summary>
internal sealed class DataSourceRecord : IHasTimestamps
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The connection's kind, also inside <see cref="Connection"/>; a column of its own for queries and reports.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The connection as JSON (see <see cref="DataSourceConnectionJson"/>); jsonb on PostgreSQL.</summary>
    public string Connection { get; set; } = "";

    /// <summary>The encrypted secret; never plaintext.</summary>
    public string? Secret { get; set; }

    public int? QueryTimeoutSeconds { get; set; }

    public int? CacheTtlSeconds { get; set; }

    /// <summary>The Domain's revision: bumped when the way the source is reached changes.</summary>
    public int Revision { get; set; }

    /// <summary>The optimistic concurrency token: bumped on every save, whatever changed.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
