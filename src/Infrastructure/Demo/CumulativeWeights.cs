namespace Kurobe.Infrastructure.Demo;

/// <summary>Weighted sampling by binary search over running totals.</summary>
internal sealed class CumulativeWeights
{
    private readonly double[] _totals;

    public CumulativeWeights(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is required.", nameof(weights));
        }

        _totals = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weights[i]);
            total += weights[i];
            _totals[i] = total;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
    }

    public int Sample(DeterministicRandom random) => SampleFirst(random, _totals.Length);

    /// <summary>Samples among the first <paramref name="count"/> entries only.</summary>
    public int SampleFirst(DeterministicRandom random, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _totals.Length);

        var target = random.NextDouble() * _totals[count - 1];
        var low = 0;
        var high = count - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_totals[middle] > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
