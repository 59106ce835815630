using Kurobe.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>The metadata store's resolved connection, and a description of it that is safe to log.</summary>
/// <param name="ConnectionString">The connection the migrator uses: as the login role, which owns the schema.</param>
/// <param name="RuntimeConnectionString">The connection everything else uses: on PostgreSQL, acting as the app role.</param>
internal sealed record MetadataStoreConnection(MetadataStoreProvider Provider, string ConnectionString, string RuntimeConnectionString, string Location)
{
    /// <summary>The SQLite file's directory; null on PostgreSQL.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The role runtime connections act as on PostgreSQL, if any.</summary>
    public string? AppRole { get; init; }

    public static MetadataStoreConnection Resolve(IOptions<MetadataStoreOptions> store, IOptions<StorageOptions> storage)
    {
        var options = store.Value;
        if (options.Provider == MetadataStoreProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            var appRole = string.IsNullOrWhiteSpace(options.AppRole) ? null : options.AppRole;
            var runtime = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
            if (appRole is not null)
            {
                // A startup parameter becomes the session's default: RESET ROLE and DISCARD ALL (pool resets) return to
                // it, so no pooled connection ever runs as the owner.
                runtime.Options = $"{runtime.Options} -c role={appRole}".Trim();
            }

            return new MetadataStoreConnection(
                MetadataStoreProvider.Postgres,
                builder.ConnectionString,
                runtime.ConnectionString,
                $"{builder.Host}:{builder.Port}/{builder.Database}")
            {
                AppRole = appRole,
            };
        }

        var directory = storage.Value.ResolveDataDirectory();
        var path = Path.Combine(directory, MetadataStoreOptions.SqliteFileName);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
        };
        return new MetadataStoreConnection(MetadataStoreProvider.Sqlite, sqlite.ConnectionString, sqlite.ConnectionString, path) { DataDirectory = directory };
    }
}
