using Npgsql;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>
/// Where Kurobe keeps its own metadata (data sources, later tenants and users): an embedded SQLite file in the data
/// directory unless <c>ConnectionStrings:Kurobe</c> names a PostgreSQL database.
/// </summary>
public sealed class MetadataStoreOptions
{
    public const string ConnectionStringName = "Kurobe";

    /// <summary>The SQLite file's name inside the data directory.</summary>
    public const string SqliteFileName = "kurobe.db";

    /// <summary>A PostgreSQL connection string; empty for the embedded SQLite store.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// On PostgreSQL, the role every runtime connection acts as (<c>-c role=...</c> at connect time): it owns
    /// nothing, cannot bypass row-level security, and may only insert and read audit records. Migrations run as the
    /// connecting user, which owns the schema, and create this role. Empty to connect as the login role itself (when
    /// the login is already such a role).
    /// </summary>
    public string AppRole { get; set; } = DefaultAppRole;

    public const string DefaultAppRole = "kurobe_app";


    public MetadataStoreProvider Provider =>
        string.IsNullOrWhiteSpace(ConnectionString) ? MetadataStoreProvider.Sqlite : MetadataStoreProvider.Postgres;

    internal static bool IsValidPostgresConnectionString(string? connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Host is { Length: > 0 };
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

public enum MetadataStoreProvider
{
    Sqlite,
    Postgres,
}
