using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.DataSources.Ports;

/// <summary>
/// Reaches one kind of engine: runs SQL, reads schemas and checks connections. A connector keeps one pool per
/// source (and per <see cref="DataSource.Revision"/>), so a changed source gets fresh connections.
/// Failures surface as <see cref="Common.Errors.QueryFailedException"/> (the SQL was wrong) or
/// <see cref="Common.Errors.DataSourceUnavailableException"/> (the source cannot be reached), with messages that
/// name no server paths or secrets.
/// </summary>
public interface IDataSourceConnector
{
    DataSourceKind Kind { get; }

    /// <summary>
    /// Starts <paramref name="sql"/> (already passed by the statement gate) and returns a cursor over its rows. The
    /// engine enforces <paramref name="limits"/> itself as a second line of defence. When
    /// <paramref name="cancellationToken"/> fires, the engine stops the query and the call throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<IQueryCursor> OpenAsync(DataSource source, string sql, EngineLimits limits, CancellationToken cancellationToken);

    /// <summary>Reads the source's tables and columns, with row estimates where the engine keeps them.</summary>
    Task<DatabaseSchema> ReadSchemaAsync(DataSource source, CancellationToken cancellationToken);

    /// <summary>Opens a connection and runs a trivial query; returns the engine's version when it reports one.</summary>
    Task<string?> PingAsync(DataSource source, CancellationToken cancellationToken);

    /// <summary>Closes the pooled connections of a source that was changed or deleted.</summary>
    ValueTask ReleaseAsync(DataSourceId id);
}
