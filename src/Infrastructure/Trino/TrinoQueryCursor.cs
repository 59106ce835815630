using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.Trino;

/// <summary>
/// Reads a Trino result batch by batch. A page is requested only when the batch needs more rows and its body is
/// parsed only as far as the batch reaches, so a consumer that stops reading also stops the coordinator's pages,
/// and memory stays flat however large a page is. Disposing the cursor before the end cancels the query in Trino.
/// </summary>
internal sealed class TrinoQueryCursor : IQueryCursor
{
    private readonly TrinoStatement _statement;
    private readonly IReadOnlyList<TrinoColumn> _columns;
    private bool _exhausted;

    public TrinoQueryCursor(TrinoStatement statement)
    {
        _statement = statement;
        _columns = statement.Columns ?? [];
        Columns = [.. _columns.Select(c => new ResultColumn(c.Name, c.Type.Signature, c.Type.Kind))];
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public async ValueTask<RowBatch> ReadAsync(int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        if (_exhausted)
        {
            return RowBatch.Empty(_columns.Count, isLast: true);
        }

        var values = new object?[(long)maxRows * _columns.Count];
        var rows = await _statement.ReadAsync(values, maxRows, cancellationToken);
        _exhausted = rows < maxRows;
        return new RowBatch(_columns.Count, values, rows, _exhausted);
    }

    public async ValueTask DisposeAsync() => await _statement.DisposeAsync();
}
