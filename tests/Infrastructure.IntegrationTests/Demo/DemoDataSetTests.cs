using System.Security.Cryptography;
using System.Text;
using Kurobe.Infrastructure.Demo;

namespace Kurobe.Infrastructure.IntegrationTests.Demo;

/// <summary>The generator itself, without DuckDB: cheap enough to check larger scales.</summary>
public sealed class DemoDataSetTests
{
    [Fact]
    public void The_same_scale_generates_the_same_rows()
    {
        var first = Fingerprint(DemoDataSet.Create(5));
        var second = Fingerprint(DemoDataSet.Create(5));

        second.ShouldBe(first);
    }

    [Fact]
    public void Different_scales_generate_different_rows()
    {
        var scaleOne = DemoDataSet.Create(1);
        var scaleTwo = DemoDataSet.Create(2);

        scaleTwo.Customers.Count.ShouldBe(2 * scaleOne.Customers.Count);
        scaleTwo.Customers.Take(100).Select(customer => customer.CustomerName)
            .ShouldNotBe(scaleOne.Customers.Take(100).Select(customer => customer.CustomerName));
    }

    [Fact]
    public void Product_names_stay_unique_at_the_largest_scale()
    {
        var products = DemoProductGenerator.Generate(DemoDataSet.ProductsPerScale * DemoDataSet.MaxScale, new DeterministicRandom(42));

        products.Select(product => product.ProductName).Distinct(StringComparer.Ordinal).Count().ShouldBe(products.Length);
    }

    [Fact]
    public void The_order_stream_produces_exactly_the_requested_number_of_orders()
    {
        var dataSet = DemoDataSet.Create(3);
        var stream = dataSet.CreateOrderStream();
        var orders = new List<DemoOrder>();
        var items = new List<DemoOrderItem>();
        var total = 0;
        int added;
        while ((added = stream.FillNextBatch(orders, items, 7_777)) > 0)
        {
            added.ShouldBeLessThanOrEqualTo(7_777);
            total += added;
            orders.Clear();
            items.Clear();
        }

        total.ShouldBe(300_000);
    }

    [Fact]
    public void The_random_generator_repeats_its_sequence_and_respects_bounds()
    {
        var first = new DeterministicRandom(7);
        var second = new DeterministicRandom(7);

        for (var i = 0; i < 10_000; i++)
        {
            var value = first.NextInt(1, 6);
            value.ShouldBe(second.NextInt(1, 6));
            value.ShouldBeInRange(1, 6);
            first.NextDouble().ShouldBeInRange(0.0, 0.9999999999999999);
            second.NextDouble();
        }
    }

    /// <summary>Record ToString output is culture-invariant here because the build enables InvariantGlobalization.</summary>
    private static string Fingerprint(DemoDataSet dataSet)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var customer in dataSet.Customers)
        {
            Append(hash, customer.ToString());
        }

        foreach (var product in dataSet.Products)
        {
            Append(hash, product.ToString());
        }

        var stream = dataSet.CreateOrderStream();
        var orders = new List<DemoOrder>();
        var items = new List<DemoOrderItem>();
        while (stream.FillNextBatch(orders, items, 50_000) > 0)
        {
            foreach (var order in orders)
            {
                Append(hash, order.ToString());
            }

            foreach (var item in items)
            {
                Append(hash, item.ToString());
            }

            orders.Clear();
            items.Clear();
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text) =>
        hash.AppendData(Encoding.UTF8.GetBytes(string.Concat(text, "\n")));
}
