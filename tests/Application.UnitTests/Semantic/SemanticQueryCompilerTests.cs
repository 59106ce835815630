using Kurobe.Application.Semantic.Compilation;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;
using static Kurobe.Application.UnitTests.Semantic.TestModels;

namespace Kurobe.Application.UnitTests.Semantic;

public sealed class SemanticQueryCompilerTests
{
    private static readonly SemanticQueryCompiler Compiler = new();

    public static TheoryData<SqlDialect> Dialects => [SqlDialect.DuckDb, SqlDialect.PostgreSql, SqlDialect.Trino];

    private static CompiledSemanticQuery Compile(SemanticQuery query, SqlDialect dialect = SqlDialect.DuckDb, SemanticModel? model = null) =>
        Compiler.Compile(model ?? Retail(), query, dialect);

    private static SemanticQueryException Fails(SemanticQuery query, SemanticModel? model = null) =>
        Should.Throw<SemanticQueryException>(() => Compile(query, model: model));

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_measure_by_a_dimension_joins_only_the_entities_on_the_path(SqlDialect dialect)
    {
        var compiled = Compile(Query(["revenue"], [new DimensionRef("region")]), dialect);

        compiled.Sql.ShouldBe("""
            SELECT
              c.region AS "region",
              SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) AS "revenue"
            FROM order_items oi
            JOIN orders o ON o.order_id = oi.order_id
            JOIN customers c ON c.customer_id = o.customer_id
            GROUP BY 1
            """.ReplaceLineEndings("\n"));
        compiled.Columns.ShouldBe([
            new CompiledColumn("region", "region", CompiledColumnRole.Dimension, null),
            new CompiledColumn("revenue", "revenue", CompiledColumnRole.Measure, null),
        ]);
    }

    [Fact]
    public void A_measure_alone_reads_its_own_table_without_joins_or_grouping()
    {
        var sql = Compile(Query(["units_sold"])).Sql;

        sql.ShouldBe("SELECT\n  SUM(oi.quantity) AS \"units_sold\"\nFROM order_items oi");
    }

    [Fact]
    public void A_measure_reading_two_entities_joins_both()
    {
        var sql = Compile(Query(["cost"])).Sql;

        sql.ShouldContain("FROM order_items oi\nJOIN products p ON p.product_id = oi.product_id");
        sql.ShouldNotContain("orders");
    }

    [Theory]
    [InlineData(TimeGrain.Day, "day")]
    [InlineData(TimeGrain.Week, "week")]
    [InlineData(TimeGrain.Month, "month")]
    [InlineData(TimeGrain.Quarter, "quarter")]
    [InlineData(TimeGrain.Year, "year")]
    public void A_time_grain_truncates_the_date_and_names_the_column_after_it(TimeGrain grain, string name)
    {
        var compiled = Compile(Query(["order_count"], [new DimensionRef("order_date", grain)]));

        compiled.Sql.ShouldContain($"CAST(date_trunc('{name}', o.order_date) AS DATE) AS \"order_date_{name}\"");
        compiled.Sql.ShouldEndWith($"ORDER BY \"order_date_{name}\" ASC NULLS LAST", Case.Sensitive, "a time dimension orders the rows when nothing else does");
        compiled.Columns[0].ShouldBe(new CompiledColumn($"order_date_{name}", "order_date", CompiledColumnRole.Dimension, grain));
    }

    [Fact]
    public void PostgreSql_truncates_a_plain_timestamp_so_the_session_time_zone_cannot_shift_dates()
    {
        var sql = Compile(Query(["order_count"], [new DimensionRef("order_date", TimeGrain.Month)]), SqlDialect.PostgreSql).Sql;

        sql.ShouldContain("CAST(date_trunc('month', CAST(o.order_date AS TIMESTAMP)) AS DATE) AS \"order_date_month\"");
    }

    [Fact]
    public void A_time_dimension_without_a_grain_groups_by_the_raw_value()
    {
        var compiled = Compile(Query(["order_count"], [new DimensionRef("order_date")]));

        compiled.Sql.ShouldContain("o.order_date AS \"order_date\"");
        compiled.Columns[0].Grain.ShouldBeNull();
    }

    [Fact]
    public void Derived_measures_expand_recursively_into_the_measures_they_name()
    {
        var model = Retail(extraMeasures: [Measure("margin_rate", "profit / NULLIF(revenue, 0)", derived: true)]);

        var sql = Compile(Query(["margin_rate", "average_order_value"]), model: model).Sql;

        sql.ShouldContain(
            "(SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) - SUM(oi.quantity * p.unit_cost)) / NULLIF(SUM(oi.quantity * oi.unit_price * (1 - oi.discount)), 0) AS \"margin_rate\"");
        sql.ShouldContain("SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) / NULLIF(COUNT(DISTINCT o.order_id), 0) AS \"average_order_value\"");
    }

    [Fact]
    public void A_measure_name_inside_a_longer_word_or_a_column_is_not_substituted()
    {
        var model = Retail(extraMeasures: [
            Measure("cost_share", "cost / NULLIF(revenue, 0) + 0 * revenue_total", derived: true),
            Measure("revenue_total", "SUM(oi.unit_price)"),
        ]);

        var sql = Compile(Query(["cost_share"]), model: model).Sql;

        sql.ShouldContain("+ 0 * SUM(oi.unit_price) AS \"cost_share\"");
        sql.ShouldContain("SUM(oi.quantity * p.unit_cost) / NULLIF(SUM(oi.quantity * oi.unit_price * (1 - oi.discount)), 0)");
    }

    [Fact]
    public void A_cycle_of_derived_measures_is_refused_with_its_path()
    {
        var model = Retail(extraMeasures: [Measure("a", "b + 1", derived: true), Measure("b", "a * 2", derived: true)]);

        var error = Fails(Query(["a"]), model);

        error.Message.ShouldContain("a -> b -> a");
    }

    [Fact]
    public void A_measure_filter_moves_inside_the_aggregate()
    {
        var model = Retail(extraMeasures: [
            Measure("completed_orders", "COUNT(DISTINCT o.order_id)", filter: "o.status = 'completed'"),
            Measure("web_lines", "COUNT(*) + 0 * MAX(oi.quantity)", filter: "o.channel = 'Online'"),
        ]);

        var sql = Compile(Query(["completed_revenue", "completed_orders", "web_lines"]), model: model).Sql;

        sql.ShouldContain("SUM(CASE WHEN o.status = 'completed' THEN oi.quantity * oi.unit_price END) AS \"completed_revenue\"");
        sql.ShouldContain("COUNT(DISTINCT CASE WHEN o.status = 'completed' THEN o.order_id END) AS \"completed_orders\"");
        sql.ShouldContain("COUNT(CASE WHEN o.channel = 'Online' THEN 1 END) + 0 * MAX(CASE WHEN o.channel = 'Online' THEN oi.quantity END)");
    }

    [Fact]
    public void Dimension_filters_go_to_where_and_measure_filters_to_having()
    {
        var sql = Compile(Query(
            ["revenue"],
            [new DimensionRef("category")],
            [
                new SemanticFilter("channel", FilterOperator.In, ["Online", "Store"]),
                new SemanticFilter("revenue", FilterOperator.GreaterThan, ["1000.5"]),
                new SemanticFilter("profit", FilterOperator.Between, ["10", "20"]),
            ])).Sql;

        sql.ShouldContain("WHERE o.channel IN ('Online', 'Store')\n");
        sql.ShouldContain("HAVING SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) > 1000.5\n  AND (SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) - SUM(oi.quantity * p.unit_cost)) BETWEEN 10 AND 20");
        sql.ShouldContain("JOIN orders o", Case.Sensitive, "the filter's entity is joined even though no column shows it");
    }

    [Theory]
    [InlineData(FilterOperator.Equals, "= 'x'")]
    [InlineData(FilterOperator.NotEquals, "<> 'x'")]
    [InlineData(FilterOperator.GreaterThan, "> 'x'")]
    [InlineData(FilterOperator.GreaterThanOrEqual, ">= 'x'")]
    [InlineData(FilterOperator.LessThan, "< 'x'")]
    [InlineData(FilterOperator.LessThanOrEqual, "<= 'x'")]
    [InlineData(FilterOperator.In, "IN ('x')")]
    [InlineData(FilterOperator.NotIn, "NOT IN ('x')")]
    public void Every_operator_has_its_comparison(FilterOperator op, string expected)
    {
        var sql = Compile(Query(["revenue"], filters: [new SemanticFilter("region", op, ["x"])])).Sql;

        sql.ShouldContain($"WHERE c.region {expected}");
    }

    [Theory]
    [InlineData("O'Brien'; DROP TABLE x; --", "'O''Brien''; DROP TABLE x; --'")]
    [InlineData("\\' OR 1=1 --", "'\\'' OR 1=1 --'")]
    [InlineData("it''s", "'it''''s'")]
    public void Text_values_are_quoted_literals_whatever_they_contain(string value, string literal)
    {
        var sql = Compile(Query(["revenue"], filters: [new SemanticFilter("region", FilterOperator.Equals, [value])])).Sql;

        sql.ShouldEndWith($"WHERE c.region = {literal}");
        sql.Split('\'').Length.ShouldBe(literal.Split('\'').Length, "every quote is part of the one literal");
    }

    [Fact]
    public void Values_are_rendered_by_the_dimension_type()
    {
        var sql = Compile(Query(["revenue"], filters: [
            new SemanticFilter("order_date", FilterOperator.Between, ["2024-01-01", "2024-12-31"]),
            new SemanticFilter("quantity", FilterOperator.GreaterThanOrEqual, ["-2.50"]),
            new SemanticFilter("is_gift", FilterOperator.Equals, ["True"]),
        ])).Sql;

        sql.ShouldContain("WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'\n");
        sql.ShouldContain("  AND oi.quantity >= -2.50\n");
        sql.ShouldContain("  AND o.is_gift = TRUE");
    }

    [Theory]
    [InlineData("quantity", "1; DROP TABLE x", "is not a number")]
    [InlineData("quantity", "1,5", "is not a number")]
    [InlineData("order_date", "2024-13-01", "yyyy-MM-dd")]
    [InlineData("order_date", "2024-01-01' OR '1'='1", "yyyy-MM-dd")]
    [InlineData("is_gift", "maybe", "true or false")]
    [InlineData("revenue", "lots", "is not a number")]
    public void Values_that_do_not_fit_the_type_are_refused(string field, string value, string message)
    {
        var error = Fails(Query(["revenue"], filters: [new SemanticFilter(field, FilterOperator.Equals, [value])]));

        error.Message.ShouldContain(message);
        error.Message.ShouldContain($"'{field}'");
    }

    [Theory]
    [InlineData(FilterOperator.Between, 1)]
    [InlineData(FilterOperator.Between, 3)]
    [InlineData(FilterOperator.Equals, 2)]
    [InlineData(FilterOperator.In, 0)]
    public void Operators_check_how_many_values_they_get(FilterOperator op, int count)
    {
        var error = Fails(Query(["revenue"], filters: [new SemanticFilter("region", op, [.. Enumerable.Repeat("x", count)])]));

        error.Message.ShouldContain($"not {count}");
    }

    [Fact]
    public void Order_and_limit_follow_the_query()
    {
        var sql = Compile(Query(
            ["revenue"],
            [new DimensionRef("product"), new DimensionRef("order_date", TimeGrain.Year)],
            order: [new SemanticOrder("revenue", true), new SemanticOrder("order_date", false), new SemanticOrder("profit", true)],
            limit: 10)).Sql;

        sql.ShouldEndWith(
            "ORDER BY \"revenue\" DESC NULLS LAST, \"order_date_year\" ASC NULLS LAST, (SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) - SUM(oi.quantity * p.unit_cost)) DESC NULLS LAST\nLIMIT 10");
    }

    [Fact]
    public void Dimensions_without_measures_list_their_distinct_values()
    {
        var compiled = Compile(Query(dimensions: [new DimensionRef("channel")]));

        compiled.Sql.ShouldBe("SELECT\n  o.channel AS \"channel\"\nFROM orders o\nGROUP BY 1");
        compiled.Columns.ShouldHaveSingleItem().Role.ShouldBe(CompiledColumnRole.Dimension);
    }

    [Fact]
    public void Distinct_values_of_dimensions_on_different_entities_join_through_the_facts()
    {
        var sql = Compile(Query(dimensions: [new DimensionRef("segment"), new DimensionRef("category")])).Sql;

        sql.ShouldContain("JOIN orders o");
        sql.ShouldContain("JOIN order_items oi");
        sql.ShouldEndWith("GROUP BY 1, 2");
    }

    [Fact]
    public void Count_distinct_over_a_to_many_join_stays_in_one_select()
    {
        var sql = Compile(Query(["order_count", "customer_count"], [new DimensionRef("category")])).Sql;

        sql.ShouldNotContain("WITH");
        sql.ShouldContain("FROM orders o\nJOIN order_items oi ON oi.order_id = o.order_id\nJOIN products p ON p.product_id = oi.product_id");
    }

    [Fact]
    public void A_measure_on_the_one_side_of_a_needed_to_many_join_is_summed_over_distinct_keys()
    {
        var sql = Compile(Query(["shipping_fees"], [new DimensionRef("category")], [new SemanticFilter("segment", FilterOperator.Equals, ["Consumer"])])).Sql;

        sql.ShouldBe("""
            WITH kurobe_unit_1 AS (
              SELECT
                kurobe_keys."category" AS "category",
                SUM(o.shipping_fee) AS "kurobe_m1"
              FROM (
                SELECT DISTINCT
                  o.order_id AS "kurobe_k1",
                  p.category AS "category"
                FROM orders o
                JOIN customers c ON c.customer_id = o.customer_id
                JOIN order_items oi ON oi.order_id = o.order_id
                JOIN products p ON p.product_id = oi.product_id
                WHERE c.segment = 'Consumer'
              ) kurobe_keys
              JOIN orders o ON o.order_id = kurobe_keys."kurobe_k1"
              GROUP BY 1
            )
            SELECT
              "category",
              "kurobe_m1" AS "shipping_fees"
            FROM kurobe_unit_1
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Fanned_out_and_safe_measures_are_computed_apart_and_combined_on_the_dimensions()
    {
        var sql = Compile(Query(
            ["revenue", "shipping_fees", "order_count"],
            [new DimensionRef("order_date", TimeGrain.Month)],
            [new SemanticFilter("shipping_fees", FilterOperator.GreaterThan, ["0"])],
            limit: 3)).Sql;

        sql.ShouldContain("WITH kurobe_unit_1 AS (");
        sql.ShouldContain("SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) AS \"kurobe_m1\"");
        sql.ShouldContain("COUNT(DISTINCT o.order_id) AS \"kurobe_m3\"");
        sql.ShouldContain(", kurobe_unit_2 AS (");
        sql.ShouldContain("SUM(o.shipping_fee) AS \"kurobe_m2\"");
        sql.ShouldContain("UNION ALL");
        sql.ShouldContain("FROM kurobe_combined\nWHERE \"kurobe_m2\" > 0\nORDER BY \"order_date_month\" ASC NULLS LAST\nLIMIT 3");
    }

    [Fact]
    public void No_dimension_fan_out_combines_single_rows()
    {
        var sql = Compile(Query(["revenue", "shipping_fees"])).Sql;

        sql.ShouldNotContain("GROUP BY", Case.Sensitive);
        sql.ShouldContain("MAX(\"kurobe_m1\") AS \"kurobe_m1\"");
    }

    [Fact]
    public void A_fanned_out_measure_that_reads_a_second_entity_joins_it_from_its_own_rows()
    {
        var model = Retail(
            extraMeasures: [Measure("promo_cost", "SUM(pr.cost)")],
            extraDimensions: [Dimension("promo_name", "promotions", "pr.name")],
            extraEntities: [Entity("promotions", "pr", "promotion_id")],
            extraRelationships: [new("orders", "promotions", ["promotion_id"], ["promotion_id"], Cardinality.ManyToOne)]);
        var measure = Measure("shipping_per_promo", "SUM(o.shipping_fee * pr.rate)");
        model = model with { Measures = [.. model.Measures, measure] };

        var sql = Compile(Query(["shipping_per_promo"], [new DimensionRef("category")]), model: model).Sql;

        sql.ShouldContain("  JOIN orders o ON o.order_id = kurobe_keys.\"kurobe_k1\"\n  JOIN promotions pr ON pr.promotion_id = o.promotion_id\n");
    }

    [Fact]
    public void The_same_input_gives_the_same_text()
    {
        var query = Query(["profit", "shipping_fees", "order_count"], [new DimensionRef("category"), new DimensionRef("order_date", TimeGrain.Week)],
            [new SemanticFilter("channel", FilterOperator.NotIn, ["Partner"])], [new SemanticOrder("profit", true)], 5);

        var first = Compile(query).Sql;
        var second = Compiler.Compile(Retail(), query with { Measures = [.. query.Measures] }, SqlDialect.DuckDb).Sql;

        second.ShouldBe(first);
        first.ShouldNotContain("\r");
    }

    [Fact]
    public void An_empty_query_is_refused()
    {
        Fails(Query()).Message.ShouldContain("asks for nothing");
    }

    [Fact]
    public void Unknown_names_are_named_with_close_ones()
    {
        var error = Fails(Query(
            ["revnue", "sales_total", "region"],
            [new DimensionRef("regoin"), new DimensionRef("revenue")],
            [new SemanticFilter("chanel", FilterOperator.Equals, ["x"])],
            [new SemanticOrder("nothing_like_it", false)]));

        error.Problems.ShouldContain(p => p.StartsWith("Unknown measure 'revnue'", StringComparison.Ordinal) && p.Contains("Close names: revenue", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.StartsWith("Unknown measure 'sales_total'", StringComparison.Ordinal) && p.Contains("revenue", StringComparison.Ordinal), "a synonym points at its measure");
        error.Problems.ShouldContain("Unknown measure 'region'. 'region' is a dimension, not a measure.");
        error.Problems.ShouldContain(p => p.StartsWith("Unknown dimension 'regoin'", StringComparison.Ordinal) && p.Contains("region", StringComparison.Ordinal));
        error.Problems.ShouldContain("Unknown dimension 'revenue'. 'revenue' is a measure, not a dimension.");
        error.Problems.ShouldContain(p => p.StartsWith("Unknown filter field 'chanel'", StringComparison.Ordinal) && p.Contains("channel", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.StartsWith("Unknown order field 'nothing_like_it'", StringComparison.Ordinal));
    }

    [Fact]
    public void Grains_must_be_allowed_and_only_on_time_dimensions()
    {
        var error = Fails(Query(["revenue"], [new DimensionRef("channel", TimeGrain.Month), new DimensionRef("ship_date", TimeGrain.Week)]));

        error.Problems.ShouldContain("The dimension 'channel' is categorical, not time: it has no month grain.");
        error.Problems.ShouldContain("The dimension 'ship_date' has no week grain; it has month.");
    }

    [Fact]
    public void Entities_without_a_join_path_are_refused()
    {
        var model = Retail(
            extraDimensions: [Dimension("warehouse", "warehouses", "w.name")],
            extraEntities: [Entity("warehouses", "w", "warehouse_id")]);

        var error = Fails(Query(["revenue"], [new DimensionRef("warehouse")]), model);

        error.Message.ShouldContain("No join path connects 'warehouses' to 'order_items'");
    }

    [Fact]
    public void Ordering_by_a_dimension_the_query_does_not_group_by_is_refused()
    {
        Fails(Query(["revenue"], [new DimensionRef("region")], order: [new SemanticOrder("channel", false)]))
            .Message.ShouldContain("does not group by it");
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Fails(Query(["revenue"], limit: 0)).Message.ShouldContain("at least 1");
    }

    [Fact]
    public void A_measure_without_an_entity_alias_is_refused()
    {
        var model = Retail(extraMeasures: [Measure("rows", "COUNT(*)")]);

        Fails(Query(["rows"]), model).Message.ShouldContain("qualify its columns with an entity alias");
    }

    [Fact]
    public void A_measure_over_entities_with_no_single_grain_is_refused()
    {
        var model = Retail(extraMeasures: [Measure("odd", "SUM(p.unit_cost * c.customer_id)")]);

        Fails(Query(["odd"]), model).Message.ShouldContain("none of them has exactly one row of each of the others");
    }

    [Fact]
    public void A_derived_measure_naming_an_unknown_measure_is_refused()
    {
        var model = Retail(extraMeasures: [Measure("broken", "revnue - cost", derived: true)]);

        Fails(Query(["broken"]), model).Message.ShouldContain("'revnue'");
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var error = Fails(Query(["nope"], [new DimensionRef("nada")], limit: -1));

        error.Problems.Count.ShouldBe(3);
    }
}
