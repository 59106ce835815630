using System.ComponentModel;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.Querying.Caching;

/// <summary>A result in the form it is cached and sent: the rows already encoded as a JSON array of arrays.</summary>
/// <param name="Columns">The result's columns.</param>
/// <param name="RowsJson">UTF-8 JSON: an array of rows, each an array of values in column order.</param>
/// <param name="RowCount">How many rows <paramref name="RowsJson"/> holds.</param>
/// <param name="Truncated">True when the row or size cap cut the result short.</param>
/// <param name="ExecutedAt">When the engine produced it.</param>
/// <remarks>
/// Never changed once built. Marked immutable so HybridCache keeps the instance itself in memory instead of its
/// serialized bytes, which it would otherwise decode again (copying every row) on each in-process hit.
/// </remarks>
[ImmutableObject(true)]
public sealed record CachedQueryResult(
    IReadOnlyList<ResultColumn> Columns,
    ReadOnlyMemory<byte> RowsJson,
    long RowCount,
    bool Truncated,
    DateTimeOffset ExecutedAt);

/// <summary>A cached result and whether it came from the cache.</summary>
public sealed record CacheLookup(CachedQueryResult Result, bool Hit);
