using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.DuckDb;

/// <summary>
/// DuckDB database files, shared per file (one database instance, a connection per query) and opened read-only
/// and locked down by <see cref="DuckDbConnectionFactory"/>. Time limits are enforced by interrupting the query.
/// </summary>
internal sealed partial class DuckDbConnector(
    DuckDbConnectionFactory connections,
    IOptions<StorageOptions> storage,
    ILogger<DuckDbConnector> logger)
    : IDataSourceConnector
{
    private readonly ConcurrentDictionary<DataSourceId, string> _paths = new();

    public DataSourceKind Kind => DataSourceKind.DuckDb;

    public async Task<IQueryCursor> OpenAsync(DataSource source, string sql, EngineLimits limits, CancellationToken cancellationToken)
    {
        var connection = Connect(source);
        return await DuckDbQueryCursor.OpenAsync(connection, sql, cancellationToken);
    }

    public async Task<DatabaseSchema> ReadSchemaAsync(DataSource source, CancellationToken cancellationToken)
    {
        using var connection = Connect(source);
        return await Task.Run(() => DuckDbSchemaReader.Read(connection), cancellationToken);
    }

    public async Task<string?> PingAsync(DataSource source, CancellationToken cancellationToken)
    {
        using var connection = Connect(source);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 'DuckDB ' || version()";
        return await Task.Run(() => command.ExecuteScalar() as string, cancellationToken);
    }

    public ValueTask ReleaseAsync(DataSourceId id)
    {
        if (_paths.TryRemove(id, out var path))
        {
            connections.Release(path);
        }

        return ValueTask.CompletedTask;
    }

    private DuckDBConnection Connect(DataSource source)
    {
        // Relative paths are relative to the data directory, as the connection policy checked them.
        var path = storage.Value.ResolvePath(((DuckDbConnection)source.Connection).Path);
        _paths[source.Id] = path;
        try
        {
            return connections.OpenReadOnly(path);
        }
        catch (DuckDBException exception)
        {
            // The engine's message names server paths; the client gets a plain one and the log keeps the detail.
            LogOpenFailed(logger, source.Name.Value, exception);
            throw new DataSourceUnavailableException($"The data source '{source.Name}' cannot be opened right now.", exception);
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Could not open DuckDB data source {DataSourceName}")]
    private static partial void LogOpenFailed(ILogger logger, string dataSourceName, Exception exception);
}
