using Kurobe.Infrastructure.Semantic;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Infrastructure.IntegrationTests.Semantic;

public sealed class SemanticModelYamlReaderTests
{
    private const string Minimal = """
        data_source: shop
        name: shop
        entities:
          order_items: { table: sales.order_items, alias: oi, primary_key: [order_id, line_number] }
          orders: { alias: o, primary_key: [order_id], description: One row per order. }
        relationships:
          - { from: order_items, to: orders, on: { order_id: order_id }, cardinality: many_to_one }
        measures:
          revenue: { entity: order_items, expression: "SUM(oi.amount)", format: currency, synonyms: [sales] }
          order_count: { expression: "COUNT(DISTINCT o.order_id)" }
          average_order_value: { expression: "revenue / NULLIF(order_count, 0)", derived: true }
        dimensions:
          order_date: { entity: orders, type: time, grains: [month, year] }
          created: { entity: orders, column: created_at, type: time }
          channel: { entity: orders, expression: "lower(o.channel)", synonyms: [sales channel], values: { web: online } }
        """;

    public static string RetailYaml => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "semantic", "retail.yaml"));

    private static IReadOnlyList<string> Problems(string yaml)
    {
        var result = SemanticModelYamlReader.Read(yaml);
        result.IsValid.ShouldBeFalse();
        result.Model.ShouldBeNull();
        return result.Problems;
    }

    [Fact]
    public void A_good_file_maps_to_the_model()
    {
        var result = SemanticModelYamlReader.Read(Minimal);

        result.Problems.ShouldBeEmpty();
        result.DataSource!.Value.Value.ShouldBe("shop");
        var model = result.Model!;
        model.Entities.Select(e => (e.Name, e.Table, e.Alias, string.Join(",", e.PrimaryKey), e.Description)).ShouldBe([
            ("order_items", "sales.order_items", "oi", "order_id,line_number", null),
            ("orders", "orders", "o", "order_id", "One row per order."),
        ]);
        var relationship = model.Relationships.ShouldHaveSingleItem();
        (relationship.From, relationship.To, relationship.Cardinality).ShouldBe(("order_items", "orders", Cardinality.ManyToOne));
        relationship.FromColumns.ShouldBe(["order_id"]);
        relationship.ToColumns.ShouldBe(["order_id"]);
        model.Measures.Select(m => (m.Name, m.IsDerived)).ShouldBe([("revenue", false), ("order_count", false), ("average_order_value", true)]);
        model.Measures[0].Synonyms.ShouldBe(["sales"]);
        model.Measures[0].Format.ShouldBe("currency");

        var orderDate = model.Dimensions[0];
        orderDate.Expression.ShouldBe("o.order_date", "no expression means the column of the dimension's name");
        orderDate.TimeGrains.ShouldBe([TimeGrain.Month, TimeGrain.Year]);
        model.Dimensions[1].Expression.ShouldBe("o.created_at");
        model.Dimensions[1].TimeGrains.ShouldBe(Enum.GetValues<TimeGrain>(), "a time dimension without grains allows them all");
        model.Dimensions[2].Type.ShouldBe(DimensionType.Categorical);
        model.Dimensions[2].ValueSynonyms["web"].ShouldBe("online");
    }

    [Fact]
    public void The_shipped_retail_model_is_valid_and_complete()
    {
        var result = SemanticModelYamlReader.Read(RetailYaml);

        result.Problems.ShouldBeEmpty();
        result.DataSource!.Value.Value.ShouldBe("demo");
        var model = result.Model!;
        model.Name.ShouldBe("retail");
        model.Measures.Select(m => m.Name).ShouldBe(
            ["revenue", "cost", "profit", "units_sold", "order_count", "customer_count", "average_order_value", "average_discount"]);
        model.Dimensions.Select(d => d.Name).ShouldBe(
            ["order_date", "ship_date", "channel", "status", "segment", "region", "country", "city", "category", "subcategory", "product", "customer"]);
        model.Measures.Single(m => m.Name == "revenue").Synonyms.ShouldBe(["sales", "turnover"]);
        model.Measures.Single(m => m.Name == "order_count").Synonyms.ShouldBe(["orders", "number of orders", "purchases"]);
        model.Dimensions.Single(d => d.Name == "country").ValueSynonyms["USA"].ShouldBe("United States");
        model.Dimensions.Single(d => d.Name == "product").Expression.ShouldBe("p.product_name");
        model.Measures.ShouldAllBe(m => m.Description != null);
        model.Dimensions.ShouldAllBe(d => d.Description != null);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path()
    {
        var problems = Problems("""
            data_source: shop
            name: shop
            entities:
              orders: { alias: o, primary_key: [order_id] }
              items: { alias: o, primary_key: [] }
            relationships:
              - { from: items, to: shipments, from_columns: [order_id, line], to_columns: [order_id], cardinality: many_to_one }
            measures:
              revenue: { entity: orders, expression: "SUM(i.amount)", synonyms: [sales] }
              profit: { expression: "revnue - cost", derived: true }
              a: { expression: "b + 1", derived: true }
              b: { expression: "a + 1", derived: true }
              channel: { expression: "COUNT(o.channel)" }
              plain: { expression: "o.amount" }
            dimensions:
              channel: { entity: orders, expression: o.channel, grains: [month], synonyms: [sales] }
              placed: { entity: customers, expression: c.placed, type: time }
            """);

        problems.ShouldContain("entities.items.alias: the alias 'o' is also the alias of entity 'orders'; aliases must be unique");
        problems.ShouldContain("entities.items.primary_key: the entity needs a primary key (one or more columns)");
        problems.ShouldContain(p => p.StartsWith("relationships[0].to: unknown entity 'shipments'", StringComparison.Ordinal));
        problems.ShouldContain("relationships[0].on: 2 column(s) on 'items' but 1 on 'shipments'; they pair up one to one");
        problems.ShouldContain(p => p.StartsWith("measures.revenue.expression: it uses the alias 'i' that no entity has", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("measures.profit.expression: unknown measure 'revnue'", StringComparison.Ordinal) && p.Contains("revenue", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("measures.profit.expression: unknown measure 'cost'", StringComparison.Ordinal));
        problems.ShouldContain("measures.a.expression: Derived measures refer to each other in a cycle: a -> b -> a.");
        problems.ShouldContain("dimensions.channel: the name 'channel' is already used by measure 'channel'");
        problems.ShouldContain("dimensions.channel.synonyms: 'sales' is already the name or a synonym of measure 'revenue'");
        problems.ShouldContain(p => p.StartsWith("measures.plain.expression: the expression aggregates nothing", StringComparison.Ordinal));
        problems.ShouldContain("dimensions.channel.grains: only time dimensions have grains; 'channel' is categorical");
        problems.ShouldContain(p => p.StartsWith("dimensions.placed.entity: unknown entity 'customers'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("dimensions.placed.expression: unknown alias 'c'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_declared_measure_entity_must_be_the_one_its_expression_aggregates()
    {
        var problems = Problems(Minimal.Replace("revenue: { entity: order_items", "revenue: { entity: orders", StringComparison.Ordinal));

        problems.ShouldHaveSingleItem().ShouldBe("measures.revenue.entity: the expression aggregates rows of 'order_items' (it reads order_items), not 'orders'");
    }

    [Theory]
    [InlineData("type: timestamp", "dimensions.order_date.type: unknown type 'timestamp'")]
    [InlineData("grains: [month, fortnight]", "dimensions.order_date.grains: unknown grain 'fortnight'")]
    public void Unknown_types_and_grains_are_named(string replacement, string expected)
    {
        var problems = Problems(Minimal.Replace("type: time, grains: [month, year]", replacement, StringComparison.Ordinal));

        problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_or_invalid_data_source_is_reported()
    {
        Problems(Minimal.Replace("data_source: shop", "data_source: Shop Floor", StringComparison.Ordinal))
            .ShouldContain(p => p.StartsWith("data_source: 'Shop Floor' is not a data source name", StringComparison.Ordinal));
        Problems(Minimal.Replace("data_source: shop", "", StringComparison.Ordinal))
            .ShouldContain(p => p.StartsWith("data_source: required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("data_source: shop\nname: \"unclosed\n", "line 2")]
    [InlineData("data_source: shop\nname: [a, b]\n", "line 2, column 7: expected a single value")]
    [InlineData("data_source: shop\nname: shop\nentities:\n  orders: { alias: o, primary_key: id }\n", "line 4, column 36: expected a list")]
    [InlineData("data_source: shop\nname: shop\nentities:\n  orders: { alias: o, primary_key: [id], colour: red }\n", "line 4, column 42: unknown key 'colour'")]
    [InlineData("data_source: shop\nname: shop\n  bad indentation: here\n", "line 3")]
    [InlineData("data_source: shop\nmeasures:\n  revenue: { expression: x }\n  revenue: { expression: y }\n", "line 3, column 3: the key 'revenue' appears twice")]
    public void Invalid_yaml_is_reported_with_its_line(string yaml, string expected)
    {
        var problems = Problems(yaml);

        problems.ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void An_empty_file_is_reported(string yaml)
    {
        Problems(yaml).ShouldBe(["the file is empty"]);
    }

    [Fact]
    public void An_expression_that_could_end_the_statement_is_refused()
    {
        var problems = Problems(Minimal.Replace("SUM(oi.amount)", "SUM(oi.amount); DROP TABLE x", StringComparison.Ordinal));

        problems.ShouldContain("measures.revenue.expression: the expression is not usable: it contains ';', which would end the statement");
    }
}
