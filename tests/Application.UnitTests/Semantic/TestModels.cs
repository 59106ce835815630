using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.UnitTests.Semantic;

/// <summary>A small retail model in the shape of the demo's, plus an order-level shipping fee to test fan-out.</summary>
internal static class TestModels
{
    public static SemanticModel Retail(
        IEnumerable<SemanticMeasure>? extraMeasures = null,
        IEnumerable<SemanticDimension>? extraDimensions = null,
        IEnumerable<SemanticEntity>? extraEntities = null,
        IEnumerable<SemanticRelationship>? extraRelationships = null) => new(
        "retail",
        "Test retail model",
        [
            Entity("order_items", "oi", "order_id", "line_number"),
            Entity("orders", "o", "order_id"),
            Entity("customers", "c", "customer_id"),
            Entity("products", "p", "product_id"),
            .. extraEntities ?? [],
        ],
        [
            new("order_items", "orders", ["order_id"], ["order_id"], Cardinality.ManyToOne),
            new("orders", "customers", ["customer_id"], ["customer_id"], Cardinality.ManyToOne),
            new("order_items", "products", ["product_id"], ["product_id"], Cardinality.ManyToOne),
            .. extraRelationships ?? [],
        ],
        [
            Measure("revenue", "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))", synonyms: ["sales", "turnover"]),
            Measure("cost", "SUM(oi.quantity * p.unit_cost)"),
            Measure("profit", "revenue - cost", derived: true),
            Measure("units_sold", "SUM(oi.quantity)", synonyms: ["units"]),
            Measure("order_count", "COUNT(DISTINCT o.order_id)", synonyms: ["number of orders"]),
            Measure("customer_count", "COUNT(DISTINCT o.customer_id)"),
            Measure("average_order_value", "revenue / NULLIF(order_count, 0)", derived: true),
            Measure("shipping_fees", "SUM(o.shipping_fee)"),
            Measure("completed_revenue", "SUM(oi.quantity * oi.unit_price)", filter: "o.status = 'completed'"),
            .. extraMeasures ?? [],
        ],
        [
            Dimension("order_date", "orders", "o.order_date", DimensionType.Time, [TimeGrain.Day, TimeGrain.Week, TimeGrain.Month, TimeGrain.Quarter, TimeGrain.Year]),
            Dimension("ship_date", "orders", "o.ship_date", DimensionType.Time, [TimeGrain.Month]),
            Dimension("channel", "orders", "o.channel"),
            Dimension("status", "orders", "o.status"),
            Dimension("segment", "customers", "c.segment"),
            Dimension("region", "customers", "c.region"),
            Dimension("category", "products", "p.category"),
            Dimension("product", "products", "p.product_name"),
            Dimension("quantity", "order_items", "oi.quantity", DimensionType.Numeric),
            Dimension("is_gift", "orders", "o.is_gift", DimensionType.Boolean),
            .. extraDimensions ?? [],
        ]);

    public static SemanticEntity Entity(string name, string alias, params string[] key) => new(name, name, alias, key, null);

    public static SemanticMeasure Measure(string name, string expression, bool derived = false, string? filter = null, IReadOnlyList<string>? synonyms = null) =>
        new(name, expression, derived, filter, null, synonyms ?? [], null);

    public static SemanticDimension Dimension(
        string name, string entity, string expression, DimensionType type = DimensionType.Categorical, IReadOnlyList<TimeGrain>? grains = null) =>
        new(name, entity, expression, type, grains ?? [], [], new Dictionary<string, string>(), null);

    public static SemanticQuery Query(
        IReadOnlyList<string>? measures = null,
        IReadOnlyList<DimensionRef>? dimensions = null,
        IReadOnlyList<SemanticFilter>? filters = null,
        IReadOnlyList<SemanticOrder>? order = null,
        int? limit = null) =>
        new(measures ?? [], dimensions ?? [], filters ?? [], order ?? [], limit);
}
