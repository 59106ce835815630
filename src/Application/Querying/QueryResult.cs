using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.Querying;

/// <summary>A complete, buffered query result.</summary>
/// <param name="Truncated">True when the query had more rows than <c>maxRows</c> allowed.</param>
public sealed record QueryResult(
    DataSourceId DataSourceId,
    IReadOnlyList<ResultColumn> Columns,
    RowSet Rows,
    long RowCount,
    bool Truncated,
    double DurationMs);
