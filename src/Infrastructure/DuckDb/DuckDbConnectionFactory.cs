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
    private readonly ConcurrentDictionary<string, DuckDBConnection> _anchors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _connectionStrings = new(StringComparer.Ordinal);

    public DuckDBConnection OpenReadOnly(string databasePath)
    {
        var connectionString = _connectionStrings.GetOrAdd(databasePath, ReadOnlyConnectionString);
        // Opened first: a file that cannot be opened now leaves nothing cached, and works once it can be.
        var connection = Open(connectionString);
        if (!_anchors.ContainsKey(databasePath))
        {
            var anchor = Open(connectionString);
            if (!_anchors.TryAdd(databasePath, anchor))
            {
                anchor.Dispose();
            }
        }

        return connection;
    }

    /// <summary>Closes the idle anchor of a file, so DuckDB releases it once running queries finish.</summary>
    public void Release(string databasePath)
    {
        if (_anchors.TryRemove(databasePath, out var anchor))
        {
            anchor.Dispose();
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
        foreach (var anchor in _anchors.Values)
        {
            anchor.Dispose();
        }

        _anchors.Clear();
    }
}
