using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.Querying.Ports;

/// <summary>An open query's rows, read forward in batches. Disposing it stops the query in the engine.</summary>
public interface IQueryCursor : IAsyncDisposable
{
    IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>
    /// Reads up to <paramref name="maxRows"/> rows. The batch has at least one row unless the result is exhausted,
    /// in which case <see cref="RowBatch.IsLast"/> is true. Cancellation stops the query in the engine and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    ValueTask<RowBatch> ReadAsync(int maxRows, CancellationToken cancellationToken);
}
