namespace Kurobe.Application.Querying;

/// <summary>
/// Consecutive rows of a result, stored row-major in one array. Values are plain CLR values ready for the wire:
/// null, bool, the integer types, <see cref="System.Numerics.BigInteger"/>, decimal, double, float, string,
/// <see cref="DateOnly"/>, <see cref="DateTime"/> (no zone), <see cref="DateTimeOffset"/>, <see cref="TimeOnly"/>,
/// <see cref="TimeSpan"/> (intervals), <see cref="Guid"/>, byte arrays, lists and string-keyed dictionaries of these.
/// </summary>
public sealed class RowBatch
{
    private readonly object?[] _values;

    public RowBatch(int columnCount, object?[] values, int rowCount, bool isLast)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(values);
        if ((long)columnCount * rowCount > values.Length)
        {
            throw new ArgumentException("The value array is smaller than the rows it should hold.", nameof(values));
        }

        ColumnCount = columnCount;
        RowCount = rowCount;
        IsLast = isLast;
        _values = values;
    }

    public int ColumnCount { get; }

    public int RowCount { get; }

    /// <summary>True when the result has no rows after these.</summary>
    public bool IsLast { get; }

    public ReadOnlySpan<object?> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RowCount);
        return _values.AsSpan(index * ColumnCount, ColumnCount);
    }

    /// <summary>The first <paramref name="rowCount"/> rows, sharing this batch's storage.</summary>
    public RowBatch Take(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowCount, RowCount);
        return rowCount == RowCount ? this : new RowBatch(ColumnCount, _values, rowCount, isLast: false);
    }

    public static RowBatch Empty(int columnCount, bool isLast) => new(columnCount, [], 0, isLast);
}
