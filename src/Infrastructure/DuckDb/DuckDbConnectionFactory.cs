using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.DuckDb;

/// <summary>
/// Opens read-only, locked-down connections to DuckDB database files. DuckDB shares one database instance among all
/// connections to the same file; an idle anchor connection per file keeps that instance (and its caches) alive
/// between queries instead of reopening the file for each one.
/// </summary>
internal sealed class DuckDbConnectionFactory(IOptions<DuckDbOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<DuckDBConnection>> _anchors = new(StringComparer.Ordinal);

    public DuckDBConnection OpenReadOnly(string databasePath)
    {
        var connectionString = ReadOnlyConnectionString(databasePath);
        _ = _anchors.GetOrAdd(databasePath, _ => new Lazy<DuckDBConnection>(() => Open(connectionString))).Value;
        return Open(connectionString);
    }

    /// <summary>Closes the anchor so the file can be replaced or deleted; running queries keep their own connections.</summary>
    public void Release(string databasePath)
    {
        if (_anchors.TryRemove(databasePath, out var anchor) && anchor.IsValueCreated)
        {
            anchor.Value.Dispose();
        }
    }

    private string ReadOnlyConnectionString(string databasePath)
    {
        var settings = options.Value;
        var builder = new DuckDBConnectionStringBuilder
        {
            DataSource = databasePath,
            AccessMode = DuckDBAccessMode.ReadOnly,
        };
        // Queries come from users and language models: no file or network access, no extensions, and no way to
        // change these settings from SQL.
        builder["enable_external_access"] = "false";
        builder["autoload_known_extensions"] = "false";
        builder["autoinstall_known_extensions"] = "false";
        if (settings.Threads > 0)
        {
            builder.Threads = settings.Threads;
        }

        if (!string.IsNullOrWhiteSpace(settings.MemoryLimit))
        {
            builder.MemoryLimit = settings.MemoryLimit;
        }

        builder["lock_configuration"] = "true";
        return builder.ConnectionString;
    }

    private static DuckDBConnection Open(string connectionString)
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var anchor in _anchors.Values.Where(a => a.IsValueCreated))
        {
            anchor.Value.Dispose();
        }

        _anchors.Clear();
    }
}
