using Kurobe.Application.Querying.Encoding;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.Querying;

/// <summary>A complete, buffered query result.</summary>
/// <param name="Rows">The rows, encoded once for every response (and the cache).</param>
/// <param name="Truncated">True when the query had more rows than <c>maxRows</c> or the size cap allowed.</param>
/// <param name="DurationMs">How long this request took, cache lookups included.</param>
/// <param name="CacheHit">True when the rows came from the result cache rather than the engine.</param>
/// <param name="ExecutedAt">When the engine produced the rows.</param>
public sealed record QueryResult(
    DataSourceId DataSourceId,
    IReadOnlyList<ResultColumn> Columns,
    EncodedRows Rows,
    long RowCount,
    bool Truncated,
    double DurationMs,
    bool CacheHit,
    DateTimeOffset ExecutedAt);
