using Kurobe.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>The metadata store's resolved connection, and a description of it that is safe to log.</summary>
internal sealed record MetadataStoreConnection(MetadataStoreProvider Provider, string ConnectionString, string Location)
{
    /// <summary>The SQLite file's directory; null on PostgreSQL.</summary>
    public string? DataDirectory { get; init; }

    public static MetadataStoreConnection Resolve(IOptions<MetadataStoreOptions> store, IOptions<StorageOptions> storage)
    {
        var options = store.Value;
        if (options.Provider == MetadataStoreProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return new MetadataStoreConnection(
                MetadataStoreProvider.Postgres,
                builder.ConnectionString,
                $"{builder.Host}:{builder.Port}/{builder.Database}");
        }

        var directory = storage.Value.ResolveDataDirectory();
        var path = Path.Combine(directory, MetadataStoreOptions.SqliteFileName);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
        };
        return new MetadataStoreConnection(MetadataStoreProvider.Sqlite, sqlite.ConnectionString, path) { DataDirectory = directory };
    }
}
