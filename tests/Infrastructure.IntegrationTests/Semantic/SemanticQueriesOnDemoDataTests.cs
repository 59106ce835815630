using Kurobe.Application.Semantic.Compilation;
using Kurobe.Infrastructure.IntegrationTests.Demo;
using Kurobe.Infrastructure.Semantic;
using Kurobe.Infrastructure.Sql;
using SqlDialect = Kurobe.Plugins.Abstractions.SqlDialect;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Infrastructure.IntegrationTests.Semantic;

/// <summary>Queries compiled from the shipped retail.yaml return exactly what hand-written SQL returns on the demo database.</summary>
[Collection(SharedDemoDatabase.Name)]
public sealed class SemanticQueriesOnDemoDataTests(DemoDatabaseFixture fixture)
{
    private const string Revenue = "oi.quantity * oi.unit_price * (1 - oi.discount)";

    private static readonly SemanticModel Retail = SemanticModelYamlReader.Read(SemanticModelYamlReaderTests.RetailYaml).Model
        ?? throw new InvalidOperationException("retail.yaml does not read.");

    private readonly DemoDatabaseReader _database = fixture.Database;

    private static string Compile(SemanticQuery query, SemanticModel? model = null) =>
        new SemanticQueryCompiler().Compile(model ?? Retail, query, SqlDialect.DuckDb).Sql;

    private static SemanticQuery Query(
        IReadOnlyList<string> measures,
        IReadOnlyList<DimensionRef>? dimensions = null,
        IReadOnlyList<SemanticFilter>? filters = null,
        IReadOnlyList<SemanticOrder>? order = null,
        int? limit = null) => new(measures, dimensions ?? [], filters ?? [], order ?? [], limit);

    private IReadOnlyList<string> Sorted(string sql) => _database.Lines($"SELECT * FROM ({sql}) ORDER BY ALL");

    private void ShouldMatch(string compiled, string handWritten)
    {
        var expected = Sorted(handWritten);
        expected.ShouldNotBeEmpty();
        Sorted(compiled).ShouldBe(expected);
    }

    [Fact]
    public void Revenue_by_region()
    {
        ShouldMatch(
            Compile(Query(["revenue"], [new DimensionRef("region")])),
            $"SELECT c.region, SUM({Revenue}) FROM order_items oi JOIN orders o USING (order_id) JOIN customers c USING (customer_id) GROUP BY 1");
    }

    [Fact]
    public void Monthly_order_count_in_2024()
    {
        var sql = Compile(Query(
            ["order_count"],
            [new DimensionRef("order_date", TimeGrain.Month)],
            [new SemanticFilter("order_date", FilterOperator.Between, ["2024-01-01", "2024-12-31"])]));

        ShouldMatch(sql, "SELECT CAST(date_trunc('month', order_date) AS DATE), count(*) FROM orders WHERE year(order_date) = 2024 GROUP BY 1");
        _database.Lines(sql).Count.ShouldBe(12);
        _database.Texts(sql)[0].ShouldStartWith("01/01/2024");
    }

    [Fact]
    public void Profit_by_category()
    {
        ShouldMatch(
            Compile(Query(["profit"], [new DimensionRef("category")])),
            $"SELECT p.category, SUM({Revenue}) - SUM(oi.quantity * p.unit_cost) FROM order_items oi JOIN products p USING (product_id) GROUP BY 1");
    }

    [Fact]
    public void Average_order_value_by_segment()
    {
        ShouldMatch(
            Compile(Query(["average_order_value"], [new DimensionRef("segment")])),
            $"""
            SELECT c.segment, SUM({Revenue}) / COUNT(DISTINCT o.order_id)
            FROM order_items oi JOIN orders o USING (order_id) JOIN customers c USING (customer_id) GROUP BY 1
            """);
    }

    [Fact]
    public void Customer_count_by_channel_for_completed_orders()
    {
        ShouldMatch(
            Compile(Query(["customer_count"], [new DimensionRef("channel")], [new SemanticFilter("status", FilterOperator.Equals, ["completed"])])),
            "SELECT channel, COUNT(DISTINCT customer_id) FROM orders WHERE status = 'completed' GROUP BY 1");
    }

    [Fact]
    public void Order_count_by_category_counts_each_order_once_per_category()
    {
        ShouldMatch(
            Compile(Query(["order_count", "units_sold"], [new DimensionRef("category")])),
            "SELECT p.category, COUNT(DISTINCT oi.order_id), SUM(oi.quantity) FROM order_items oi JOIN products p USING (product_id) GROUP BY 1");
    }

    [Fact]
    public void Top_products_by_revenue_in_a_country_with_a_having_filter()
    {
        var sql = Compile(Query(
            ["revenue"],
            [new DimensionRef("product")],
            [new SemanticFilter("country", FilterOperator.In, ["Germany", "France"]), new SemanticFilter("order_count", FilterOperator.GreaterThanOrEqual, ["20"])],
            [new SemanticOrder("revenue", Descending: true)],
            limit: 5));

        _database.Lines(sql).ShouldBe(_database.Lines($"""
            SELECT p.product_name, SUM({Revenue}) AS r
            FROM order_items oi JOIN orders o USING (order_id) JOIN customers c USING (customer_id) JOIN products p USING (product_id)
            WHERE c.country IN ('Germany', 'France')
            GROUP BY 1 HAVING COUNT(DISTINCT o.order_id) >= 20
            ORDER BY r DESC LIMIT 5
            """));
    }

    [Fact]
    public void Weeks_start_on_monday()
    {
        var sql = Compile(Query(["order_count"], [new DimensionRef("order_date", TimeGrain.Week)]));

        _database.Count($"SELECT count(*) FROM ({sql}) WHERE isodow(order_date_week) <> 1").ShouldBe(0);
        ShouldMatch(sql, "SELECT CAST(date_trunc('week', order_date) AS DATE), count(*) FROM orders GROUP BY 1");
    }

    [Fact]
    public void A_dimension_alone_lists_its_distinct_values()
    {
        _database.Texts(Compile(Query([], [new DimensionRef("channel")])) + " ORDER BY 1").ShouldBe(["Online", "Partner", "Store"]);
    }

    [Fact]
    public void An_injection_attempt_in_a_value_matches_nothing_and_drops_nothing()
    {
        var sql = Compile(Query(["order_count"], filters: [new SemanticFilter("customer", FilterOperator.Equals, ["O'Brien'; DROP TABLE orders; --"])]));

        _database.Count(sql).ShouldBe(0);
        _database.Count("SELECT count(*) FROM orders").ShouldBe(100_000);
    }

    [Fact]
    public void An_order_level_measure_by_a_product_dimension_counts_each_order_once()
    {
        var model = Retail with
        {
            Measures = [.. Retail.Measures, new SemanticMeasure("shipping_days", "SUM(o.ship_date - o.order_date)", false, null, null, [], null)],
        };
        var sql = Compile(Query(["shipping_days", "revenue"], [new DimensionRef("category")]), model);

        const string Distinct = """
            SELECT category, SUM(days) FROM (
                SELECT DISTINCT p.category, o.order_id, o.ship_date - o.order_date AS days
                FROM order_items oi JOIN orders o USING (order_id) JOIN products p USING (product_id))
            GROUP BY 1
            """;
        var expected = _database.Lines($"""
            SELECT d.category, d.days, r.revenue
            FROM ({Distinct}) d(category, days)
            JOIN (SELECT p.category, SUM({Revenue}) FROM order_items oi JOIN products p USING (product_id) GROUP BY 1) r(category, revenue) USING (category)
            ORDER BY 1
            """);
        var naive = _database.Lines("""
            SELECT p.category, SUM(o.ship_date - o.order_date) FROM order_items oi JOIN orders o USING (order_id) JOIN products p USING (product_id) GROUP BY 1 ORDER BY 1
            """);

        _database.Lines(sql + " ORDER BY 1").ShouldBe(expected);
        naive.ShouldNotBe(expected.Select(l => string.Join(" | ", l.Split(" | ")[..2])).ToList(), "the plain join counts an order once per line");
    }

    [Fact]
    public async Task Compiled_queries_pass_the_duckdb_statement_gate()
    {
        using var gate = new DuckDbStatementGate();
        var model = Retail with
        {
            Measures = [.. Retail.Measures, new SemanticMeasure("shipping_days", "SUM(o.ship_date - o.order_date)", false, null, null, [], null)],
        };
        string[] queries =
        [
            Compile(Query(["profit", "average_order_value"], [new DimensionRef("order_date", TimeGrain.Quarter)],
                [new SemanticFilter("segment", FilterOperator.NotIn, ["Consumer"])], [new SemanticOrder("profit", true)], 10)),
            Compile(Query(["shipping_days", "revenue"], [new DimensionRef("category")], [new SemanticFilter("revenue", FilterOperator.GreaterThan, ["10"])]), model),
        ];

        foreach (var sql in queries)
        {
            var gated = await gate.CheckAsync(sql, TestContext.Current.CancellationToken);
            gated.Sql.ShouldBe(sql);
        }
    }
}
