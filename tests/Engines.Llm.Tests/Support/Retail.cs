using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Engines.Llm.Tests.Support;

/// <summary>A small retail source: its schema, semantic model, profiled values and verified examples.</summary>
internal static class Retail
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public static DatabaseSchema Schema { get; } = new(
    [
        new TableSchema("main", "customers", false, 1_000, "One row per customer",
        [
            new ColumnSchema("customer_id", "INTEGER", ValueKind.Integer, false, null),
            new ColumnSchema("name", "VARCHAR", ValueKind.Text, false, null),
            new ColumnSchema("country", "VARCHAR", ValueKind.Text, true, "Billing country, full English name"),
        ]),
        new TableSchema("main", "orders", false, 50_000, null,
        [
            new ColumnSchema("order_id", "INTEGER", ValueKind.Integer, false, null),
            new ColumnSchema("customer_id", "INTEGER", ValueKind.Integer, false, null),
            new ColumnSchema("order_date", "DATE", ValueKind.Date, false, "Day the order was placed"),
            new ColumnSchema("status", "VARCHAR", ValueKind.Text, false, null),
        ]),
        new TableSchema("main", "order_items", false, 200_000, null,
        [
            new ColumnSchema("order_id", "INTEGER", ValueKind.Integer, false, null),
            new ColumnSchema("product_id", "INTEGER", ValueKind.Integer, false, null),
            new ColumnSchema("quantity", "INTEGER", ValueKind.Integer, false, null),
            new ColumnSchema("unit_price", "DECIMAL(10,2)", ValueKind.Decimal, false, "Price per unit in USD"),
        ]),
        new TableSchema("main", "products", false, 300, null,
        [
            new ColumnSchema("product_id", "INTEGER", ValueKind.Integer, false, null),
            new ColumnSchema("category", "VARCHAR", ValueKind.Text, false, null),
        ]),
    ]);

    public static SemanticModel Model { get; } = new(
        "retail",
        "Orders of an online shop",
        [
            new SemanticEntity("orders", "main.orders", "o", ["order_id"], "One row per order"),
            new SemanticEntity("order_items", "main.order_items", "oi", ["order_id", "product_id"], null),
            new SemanticEntity("customers", "main.customers", "c", ["customer_id"], null),
        ],
        [
            new SemanticRelationship("order_items", "orders", ["order_id"], ["order_id"], Cardinality.ManyToOne),
            new SemanticRelationship("orders", "customers", ["customer_id"], ["customer_id"], Cardinality.ManyToOne),
        ],
        [
            new SemanticMeasure("revenue", "SUM(oi.quantity * oi.unit_price)", false, null, "currency", ["sales", "turnover"], "Gross revenue in USD"),
            new SemanticMeasure("order_count", "COUNT(DISTINCT o.order_id)", false, "o.status <> 'cancelled'", "integer", ["orders"], null),
        ],
        [
            new SemanticDimension("country", "customers", "c.country", DimensionType.Categorical, [], ["nation", "market"],
                new Dictionary<string, string> { ["US"] = "United States", ["UK"] = "United Kingdom" }, "Customer's billing country"),
            new SemanticDimension("order_date", "orders", "o.order_date", DimensionType.Time, [TimeGrain.Day, TimeGrain.Month, TimeGrain.Year], ["date"],
                new Dictionary<string, string>(), null),
        ]);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownValues { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["country"] = ["United States", "United Kingdom", "Germany"],
            ["orders.status"] = ["shipped", "cancelled"],
        };

    public static IReadOnlyList<VerifiedExample> Examples { get; } =
    [
        new("How many orders were shipped?", "SELECT count(*) FROM main.orders WHERE status = 'shipped'"),
    ];

    public static TextToSqlRequest Question(string question, FailedAttempt? previous = null) =>
        new(question, Schema, Model, SqlDialect.DuckDb, Examples, KnownValues, Today, previous);

    public static SemanticRequest SemanticQuestion(string question) => new(question, Model, KnownValues, Today);
}
