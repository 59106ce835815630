namespace Kurobe.Domain.DataSources;

/// <summary>A database Kurobe can query, and how to reach it.</summary>
public sealed class DataSource
{
    public DataSource(DataSourceId id, DataSourceName name, DataSourceKind kind, string connectionTarget, bool isDefault)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionTarget);
        Id = id;
        Name = name;
        Kind = kind;
        ConnectionTarget = connectionTarget;
        IsDefault = isDefault;
    }

    public DataSourceId Id { get; }

    public DataSourceName Name { get; }

    public DataSourceKind Kind { get; }

    /// <summary>Where the data lives: a file path for DuckDB, a host for the others. Never a secret.</summary>
    public string ConnectionTarget { get; }

    public bool IsDefault { get; }
}
