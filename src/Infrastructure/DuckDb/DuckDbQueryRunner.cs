using DuckDB.NET.Data;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.DuckDb;

internal sealed partial class DuckDbQueryRunner(DuckDbConnectionFactory connections, ILogger<DuckDbQueryRunner> logger) : IQueryRunner
{
    public DataSourceKind Kind => DataSourceKind.DuckDb;

    public async Task<IQueryCursor> OpenAsync(DataSource source, string sql, CancellationToken cancellationToken)
    {
        var connection = Connect(source);
        return await DuckDbQueryCursor.OpenAsync(connection, sql, cancellationToken);
    }

    private DuckDBConnection Connect(DataSource source)
    {
        try
        {
            return connections.OpenReadOnly(source.ConnectionTarget);
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
