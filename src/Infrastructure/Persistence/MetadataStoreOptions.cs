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
