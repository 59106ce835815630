using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Querying.Ports;

/// <summary>Runs SQL on one kind of engine.</summary>
public interface IQueryRunner
{
    DataSourceKind Kind { get; }

    /// <summary>
    /// Starts <paramref name="sql"/> on <paramref name="source"/> and returns a cursor over its rows.
    /// Engine errors in the SQL surface as <see cref="Common.Errors.QueryFailedException"/>; an unreachable source as
    /// <see cref="Common.Errors.DataSourceUnavailableException"/>. When <paramref name="cancellationToken"/> fires,
    /// the engine stops the query and the call throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<IQueryCursor> OpenAsync(DataSource source, string sql, CancellationToken cancellationToken);
}
