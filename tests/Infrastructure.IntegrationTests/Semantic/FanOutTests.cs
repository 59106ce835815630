using System.Globalization;
using DuckDB.NET.Data;
using Kurobe.Application.Semantic.Compilation;
using Kurobe.Plugins.Abstractions.Semantic;
using SqlDialect = Kurobe.Plugins.Abstractions.SqlDialect;

namespace Kurobe.Infrastructure.IntegrationTests.Semantic;

/// <summary>An order-level shipping fee grouped by a line-level dimension, on a table small enough to add up by hand.</summary>
public sealed class FanOutTests : IDisposable
{
    private static readonly SemanticModel Model = new(
        "shop",
        null,
        [
            new("order_items", "order_items", "oi", ["order_id", "line_number"], null),
            new("orders", "orders", "o", ["order_id"], null),
            new("products", "products", "p", ["product_id"], null),
        ],
        [
            new("order_items", "orders", ["order_id"], ["order_id"], Cardinality.ManyToOne),
            new("products", "order_items", ["product_id"], ["product_id"], Cardinality.OneToMany),
        ],
        [
            new("revenue", "SUM(oi.amount)", false, null, null, [], null),
            new("shipping_fees", "SUM(o.shipping_fee)", false, null, null, [], null),
            new("fee_share", "shipping_fees / revenue", true, null, null, [], null),
            new("orders", "COUNT(DISTINCT o.order_id)", false, null, null, [], null),
        ],
        [
            new("category", "products", "p.category", DimensionType.Categorical, [], [], new Dictionary<string, string>(), null),
            new("region", "orders", "o.region", DimensionType.Categorical, [], [], new Dictionary<string, string>(), null),
        ]);

    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public FanOutTests()
    {
        _connection.Open();
        Execute("""
            CREATE TABLE orders(order_id INTEGER, region VARCHAR, shipping_fee DECIMAL(10,2));
            CREATE TABLE products(product_id INTEGER, category VARCHAR);
            CREATE TABLE order_items(order_id INTEGER, line_number INTEGER, product_id INTEGER, amount DECIMAL(10,2));
            INSERT INTO orders VALUES (1, 'EU', 10), (2, 'EU', 5), (3, NULL, 7);
            INSERT INTO products VALUES (1, 'A'), (2, 'B'), (3, NULL);
            INSERT INTO order_items VALUES (1, 1, 1, 100), (1, 2, 1, 50), (1, 3, 2, 20), (2, 1, 2, 30), (3, 1, 3, 40), (3, 2, 1, 5);
            """);
    }

    public void Dispose() => _connection.Dispose();

    private List<string> Run(params string[] measures) => Run(measures, [new DimensionRef("category")]);

    private List<string> Run(IReadOnlyList<string> measures, IReadOnlyList<DimensionRef> dimensions)
    {
        var sql = new SemanticQueryCompiler().Compile(Model, new SemanticQuery(measures, dimensions, [], [], null), SqlDialect.DuckDb).Sql;
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM ({sql}) ORDER BY ALL";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void The_fee_of_an_order_counts_once_per_category_it_contains()
    {
        // A: orders 1 and 3 (10 + 7), B: orders 1 and 2 (10 + 5), no category: order 3. A plain join would give A 27.
        Run("shipping_fees").ShouldBe(["A | 17", "B | 15", "null | 7"]);
    }

    [Fact]
    public void Line_and_order_measures_combine_on_the_dimension_including_its_null_group()
    {
        Run("revenue", "shipping_fees", "orders").ShouldBe(["A | 155 | 17 | 2", "B | 50 | 15 | 2", "null | 40 | 7 | 1"]);
    }

    [Fact]
    public void A_derived_measure_over_fanned_out_parts_uses_the_corrected_values()
    {
        var rows = Run("fee_share");

        rows.Count.ShouldBe(3);
        rows[0].ShouldStartWith("A | 0.1096", Case.Sensitive, "17 / 155");
        rows[1].ShouldBe("B | 0.3", "15 / 50");
        rows[2].ShouldBe("null | 0.175", "7 / 40");
    }

    [Fact]
    public void An_order_dimension_does_not_fan_out_and_totals_combine_without_dimensions()
    {
        Run(["revenue", "shipping_fees"], [new DimensionRef("region")]).ShouldBe(["EU | 200 | 15", "null | 45 | 7"]);
        Run(["revenue", "shipping_fees"], []).ShouldBe(["245 | 22"]);
    }
}
