namespace Kurobe.Application.Querying;

/// <summary>All the rows of a buffered result, kept in the batches they were read in.</summary>
public sealed class RowSet(IReadOnlyList<RowBatch> batches)
{
    public static RowSet Empty { get; } = new([]);

    public IReadOnlyList<RowBatch> Batches { get; } = batches;

    public long RowCount => Batches.Sum(b => (long)b.RowCount);
}
