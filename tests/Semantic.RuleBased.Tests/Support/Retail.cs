using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Tests.Support;

/// <summary>The retail model of the demo data (as <c>config/semantic/retail.yaml</c> describes it) and its profiled values.</summary>
internal static class Retail
{
    public static readonly DateOnly Today = new(2025, 12, 15);

    private static readonly TimeGrain[] AllGrains = [TimeGrain.Day, TimeGrain.Week, TimeGrain.Month, TimeGrain.Quarter, TimeGrain.Year];

    public static SemanticModel Model { get; } = new(
        "retail",
        "A fictional retailer's orders, customers and products, 2023 to 2025.",
        [
            new SemanticEntity("order_items", "order_items", "oi", ["order_id", "line_number"], "One product line of an order."),
            new SemanticEntity("orders", "orders", "o", ["order_id"], "One order placed by a customer."),
            new SemanticEntity("customers", "customers", "c", ["customer_id"], "A customer."),
            new SemanticEntity("products", "products", "p", ["product_id"], "A product in the catalogue."),
        ],
        [
            new SemanticRelationship("order_items", "orders", ["order_id"], ["order_id"], Cardinality.ManyToOne),
            new SemanticRelationship("order_items", "products", ["product_id"], ["product_id"], Cardinality.ManyToOne),
            new SemanticRelationship("orders", "customers", ["customer_id"], ["customer_id"], Cardinality.ManyToOne),
        ],
        [
            Measure("revenue", "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))", "currency", ["sales", "turnover"], "Money taken after discounts."),
            Measure("cost", "SUM(oi.quantity * p.unit_cost)", "currency", [], "What the goods sold cost us."),
            new SemanticMeasure("profit", "revenue - cost", IsDerived: true, null, "currency", [], "Revenue less cost."),
            Measure("units_sold", "SUM(oi.quantity)", "integer", ["units", "quantity", "items sold"], "Units of product sold."),
            Measure("order_count", "COUNT(DISTINCT o.order_id)", "integer", ["orders", "number of orders", "purchases"], "Distinct orders."),
            Measure("customer_count", "COUNT(DISTINCT c.customer_id)", "integer", ["customers", "buyers", "clients"], "Distinct customers who ordered."),
            Measure("average_order_value", "SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) / COUNT(DISTINCT o.order_id)", "currency", ["AOV"], "Revenue per order."),
            Measure("average_discount", "AVG(oi.discount)", "percent", [], "Mean discount rate of order lines."),
        ],
        [
            Dimension("order_date", "orders", "o.order_date", DimensionType.Time, ["date", "when"], "When the order was placed."),
            Dimension("ship_date", "orders", "o.ship_date", DimensionType.Time, [], "When the order shipped."),
            Dimension("channel", "orders", "o.channel", DimensionType.Categorical, ["sales channel"], "Where the order was placed.",
                new Dictionary<string, string> { ["web"] = "Online" }),
            Dimension("status", "orders", "o.status", DimensionType.Categorical, ["order status"], "Whether the order completed."),
            Dimension("segment", "customers", "c.segment", DimensionType.Categorical, ["customer segment", "market segment"], "The customer's market."),
            Dimension("region", "customers", "c.region", DimensionType.Categorical, [], "The customer's world region."),
            Dimension("country", "customers", "c.country", DimensionType.Categorical, [], "The customer's country.",
                new Dictionary<string, string> { ["US"] = "United States", ["USA"] = "United States", ["UK"] = "United Kingdom" }),
            Dimension("city", "customers", "c.city", DimensionType.Categorical, [], "The customer's city."),
            Dimension("category", "products", "p.category", DimensionType.Categorical, ["product category"], "The product's category."),
            Dimension("subcategory", "products", "p.subcategory", DimensionType.Categorical, [], "The product's subcategory."),
            Dimension("product", "products", "p.product_name", DimensionType.Categorical, [], "The product's name."),
            Dimension("customer", "customers", "c.customer_name", DimensionType.Categorical, [], "The customer's name."),
        ]);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownValues { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["channel"] = ["Online", "Store", "Partner"],
        ["status"] = ["completed", "returned", "cancelled"],
        ["segment"] = ["Consumer", "Corporate", "Small Business"],
        ["region"] = ["North America", "Europe", "Asia Pacific", "Latin America"],
        ["country"] =
        [
            "United States", "Canada", "Germany", "France", "United Kingdom", "Spain", "Italy", "Netherlands", "Japan",
            "Australia", "India", "Singapore", "South Korea", "Brazil", "Mexico", "Argentina", "Chile", "Colombia",
        ],
        ["city"] =
        [
            "New York", "Chicago", "Toronto", "Berlin", "Munich", "Paris", "London", "Madrid", "Tokyo", "Sydney", "Mumbai",
            "Singapore", "Seoul", "São Paulo", "Mexico City", "Buenos Aires",
        ],
        ["category"] = ["Electronics", "Furniture", "Office Supplies", "Clothing", "Sports"],
        ["subcategory"] =
        [
            "Phones", "Laptops", "Audio", "Cameras", "Accessories", "Chairs", "Tables", "Storage", "Desks", "Paper",
            "Binders", "Pens", "Art", "Shirts", "Jackets", "Shoes", "Fitness", "Outdoor", "Cycling",
        ],
        ["product"] = ["Aurora Laptop 14", "Nimbus Phone X", "Ergo Office Chair", "Trailblazer Jacket", "Summit Bike Helmet"],
        ["customer"] = ["Anna Schmidt", "Kenji Tanaka", "Maria Garcia", "James Smith"],
    };

    private static SemanticMeasure Measure(string name, string expression, string format, string[] synonyms, string description) =>
        new(name, expression, IsDerived: false, Filter: null, format, synonyms, description);

    private static SemanticDimension Dimension(
        string name, string entity, string expression, DimensionType type, string[] synonyms, string description,
        Dictionary<string, string>? valueSynonyms = null) =>
        new(name, entity, expression, type, type == DimensionType.Time ? AllGrains : [], synonyms,
            valueSynonyms ?? new Dictionary<string, string>(), description);
}
