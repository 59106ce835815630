namespace Kurobe.Infrastructure.Demo;

/// <summary>
/// The retail demo data for one scale. Customers and products are held in memory; orders are
/// streamed because they grow to hundreds of millions of rows at the largest scale.
/// The same scale always yields the same data: every value comes from a <see cref="DeterministicRandom"/>
/// seeded from a constant and the scale.
/// </summary>
internal sealed class DemoDataSet
{
    public const int MinScale = 1;
    public const int MaxScale = 1000;
    public const int CustomersPerScale = 2_000;
    public const int ProductsPerScale = 150;
    public const int OrdersPerScale = 100_000;

    private const ulong BaseSeed = 0x4B55_524F_4245_2023;
    private const ulong CustomerStreamId = 1;
    private const ulong ProductStreamId = 2;
    private const ulong OrderStreamId = 3;

    private readonly ulong _seed;

    private DemoDataSet(int scale, ulong seed, DemoCustomer[] customers, DemoProduct[] products)
    {
        Scale = scale;
        _seed = seed;
        Customers = customers;
        Products = products;
    }

    public int Scale { get; }

    public IReadOnlyList<DemoCustomer> Customers { get; }

    public IReadOnlyList<DemoProduct> Products { get; }

    public int OrderCount => OrdersPerScale * Scale;

    public static DemoDataSet Create(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, MinScale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);

        var seed = BaseSeed ^ ((ulong)scale * 0x9E37_79B9_7F4A_7C15UL);
        var customers = DemoCustomerGenerator.Generate(CustomersPerScale * scale, DeterministicRandom.ForStream(seed, CustomerStreamId));
        var products = DemoProductGenerator.Generate(ProductsPerScale * scale, DeterministicRandom.ForStream(seed, ProductStreamId));
        return new DemoDataSet(scale, seed, customers, products);
    }

    /// <summary>Each call starts the order sequence from the beginning.</summary>
    public DemoOrderStream CreateOrderStream() =>
        new(Customers, Products, OrderCount, DeterministicRandom.ForStream(_seed, OrderStreamId));
}
