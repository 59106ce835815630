namespace Kurobe.Infrastructure.Demo;

/// <summary>Splits an integer total proportionally to weights (largest remainder method).</summary>
internal static class Apportionment
{
    public static int[] Allocate(int total, IReadOnlyList<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentNullException.ThrowIfNull(weights);

        var weightSum = 0.0;
        foreach (var weight in weights)
        {
            weightSum += weight;
        }

        var shares = new int[weights.Count];
        var remainders = new double[weights.Count];
        var allocated = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / weightSum;
            shares[i] = (int)Math.Floor(exact);
            remainders[i] = exact - shares[i];
            allocated += shares[i];
        }

        var byRemainder = Enumerable.Range(0, weights.Count).ToArray();
        Array.Sort(byRemainder, (left, right) =>
        {
            var order = remainders[right].CompareTo(remainders[left]);
            return order != 0 ? order : left.CompareTo(right);
        });

        for (var i = 0; i < total - allocated; i++)
        {
            shares[byRemainder[i % byRemainder.Length]]++;
        }

        return shares;
    }
}
