namespace Kurobe.Infrastructure.IntegrationTests.Demo;

[Collection(SharedDemoDatabase.Name)]
public sealed class DemoDatabaseContentTests(DemoDatabaseFixture fixture)
{
    private readonly DemoDatabaseReader _database = fixture.Database;

    [Fact]
    public void Row_counts_follow_the_scale()
    {
        _database.Count("SELECT count(*) FROM customers").ShouldBe(2_000);
        _database.Count("SELECT count(*) FROM products").ShouldBe(150);
        _database.Count("SELECT count(*) FROM orders").ShouldBe(100_000);
        _database.Count("SELECT count(*) FROM order_items").ShouldBeInRange(100_000, 500_000);
    }

    [Fact]
    public void Statuses_channels_and_segments_use_the_exact_vocabulary()
    {
        _database.Texts("SELECT DISTINCT status FROM orders ORDER BY 1").ShouldBe(["cancelled", "completed", "returned"]);
        _database.Texts("SELECT DISTINCT channel FROM orders ORDER BY 1").ShouldBe(["Online", "Partner", "Store"]);
        _database.Texts("SELECT DISTINCT segment FROM customers ORDER BY 1").ShouldBe(["Consumer", "Corporate", "Small Business"]);
    }

    [Fact]
    public void All_eighteen_countries_appear_in_their_region()
    {
        _database.Lines("SELECT DISTINCT region, country FROM customers ORDER BY ALL").ShouldBe(
        [
            "Asia Pacific | Australia",
            "Asia Pacific | India",
            "Asia Pacific | Japan",
            "Asia Pacific | Singapore",
            "Asia Pacific | South Korea",
            "Europe | France",
            "Europe | Germany",
            "Europe | Italy",
            "Europe | Netherlands",
            "Europe | Spain",
            "Europe | United Kingdom",
            "Latin America | Argentina",
            "Latin America | Brazil",
            "Latin America | Chile",
            "Latin America | Colombia",
            "Latin America | Mexico",
            "North America | Canada",
            "North America | United States",
        ]);
    }

    [Fact]
    public void The_United_States_is_the_largest_market()
    {
        _database.Text("SELECT country FROM customers GROUP BY country ORDER BY count(*) DESC LIMIT 1").ShouldBe("United States");
    }

    [Fact]
    public void Each_country_has_its_own_small_set_of_cities()
    {
        _database.Count("SELECT count(*) FROM (SELECT city FROM customers GROUP BY city HAVING count(DISTINCT country) > 1)").ShouldBe(0);
        _database.Count("SELECT count(*) FROM (SELECT country FROM customers GROUP BY country HAVING count(DISTINCT city) > 8)").ShouldBe(0);
        _database.Texts("SELECT DISTINCT city FROM customers WHERE country = 'Singapore'").ShouldBe(["Singapore"]);
        _database.Count("SELECT count(*) FROM customers WHERE country = 'Germany' AND city = 'Berlin'").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Emails_are_unique_lowercase_ascii_and_derived_from_the_name()
    {
        _database.Count("SELECT count(DISTINCT email) FROM customers").ShouldBe(2_000);
        _database.Count("""
            SELECT count(*) FROM customers
            WHERE NOT regexp_full_match(email, '[a-z]+\.[a-z]+\.[0-9]+@example\.com')
               OR NOT ends_with(email, '.' || customer_id || '@example.com')
            """).ShouldBe(0);
        _database.Text("SELECT email FROM customers WHERE customer_name = 'Jürgen Müller' LIMIT 1").ShouldStartWith("jurgen.muller.");
    }

    [Fact]
    public void Discounts_come_from_the_fixed_rates_and_most_lines_have_none()
    {
        var discounts = _database.Rows("SELECT DISTINCT discount FROM order_items ORDER BY 1").Select(row => (decimal)row[0]!).ToArray();

        discounts.ShouldBe([0m, 0.05m, 0.1m, 0.15m, 0.2m]);
        _database.Double("SELECT avg(CASE WHEN discount = 0 THEN 1 ELSE 0 END) FROM order_items").ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Orders_span_2023_to_2025_and_ship_within_ten_days()
    {
        _database.Text("SELECT min(order_date)::VARCHAR FROM orders").ShouldBe("2023-01-01");
        _database.Text("SELECT max(order_date)::VARCHAR FROM orders").ShouldBe("2025-12-31");
        _database.Count("""
            SELECT count(*) FROM orders
            WHERE order_date IS NULL OR ship_date IS NULL
               OR ship_date - order_date NOT BETWEEN 0 AND 10
            """).ShouldBe(0);
    }

    [Fact]
    public void Order_ids_ascend_with_order_dates()
    {
        _database.Count("""
            SELECT count(*) FROM (
                SELECT order_date, lag(order_date) OVER (ORDER BY order_id) AS previous_date FROM orders)
            WHERE order_date < previous_date
            """).ShouldBe(0);
    }

    [Fact]
    public void Every_order_has_one_to_five_contiguous_lines_with_distinct_products()
    {
        _database.Count("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id)")
            .ShouldBe(0);
        _database.Count("""
            SELECT count(*) FROM (
                SELECT count(*) AS lines, min(line_number) AS first_line, max(line_number) AS last_line,
                       count(DISTINCT line_number) AS line_numbers, count(DISTINCT product_id) AS products
                FROM order_items GROUP BY order_id)
            WHERE lines NOT BETWEEN 1 AND 5 OR first_line <> 1 OR last_line <> lines
               OR line_numbers <> lines OR products <> lines
            """).ShouldBe(0);
    }

    [Fact]
    public void Nobody_orders_before_signing_up()
    {
        _database.Count("SELECT count(*) FROM orders o JOIN customers c USING (customer_id) WHERE o.order_date < c.signup_date")
            .ShouldBe(0);
        _database.Count("SELECT count(*) FROM customers WHERE signup_date NOT BETWEEN DATE '2021-01-01' AND DATE '2025-12-31'")
            .ShouldBe(0);
    }

    [Fact]
    public void Products_cover_the_documented_categories_with_unique_names()
    {
        _database.Lines("SELECT DISTINCT category, subcategory FROM products ORDER BY ALL").ShouldBe(
        [
            "Clothing | Jackets",
            "Clothing | Shirts",
            "Clothing | Shoes",
            "Electronics | Accessories",
            "Electronics | Audio",
            "Electronics | Cameras",
            "Electronics | Laptops",
            "Electronics | Phones",
            "Furniture | Chairs",
            "Furniture | Desks",
            "Furniture | Storage",
            "Furniture | Tables",
            "Office Supplies | Art",
            "Office Supplies | Binders",
            "Office Supplies | Paper",
            "Office Supplies | Pens",
            "Sports | Cycling",
            "Sports | Fitness",
            "Sports | Outdoor",
        ]);
        _database.Count("SELECT count(DISTINCT product_name) FROM products").ShouldBe(150);
    }

    [Fact]
    public void Prices_are_realistic_and_costs_are_45_to_80_percent_of_them()
    {
        _database.Count("""
            SELECT count(*) FROM products
            WHERE unit_price <= 0 OR unit_cost >= unit_price
               OR unit_cost NOT BETWEEN round(unit_price * 0.45, 2) AND round(unit_price * 0.80, 2)
            """).ShouldBe(0);
        _database.Double("SELECT min(unit_price) FROM products WHERE subcategory = 'Laptops'").ShouldBeGreaterThan(300);
        _database.Double("SELECT max(unit_price) FROM products WHERE subcategory = 'Pens'").ShouldBeLessThan(200);
    }

    [Fact]
    public void Order_lines_carry_the_product_price_and_plausible_quantities()
    {
        _database.Count("SELECT count(*) FROM order_items i JOIN products p USING (product_id) WHERE i.unit_price <> p.unit_price")
            .ShouldBe(0);
        _database.Count("SELECT count(*) FROM order_items WHERE quantity IS NULL OR quantity < 1").ShouldBe(0);
        _database.Count("""
            SELECT max(quantity) FROM order_items JOIN products USING (product_id)
            WHERE subcategory IN ('Laptops', 'Cameras')
            """).ShouldBeLessThanOrEqualTo(2);
        _database.Count("SELECT max(quantity) FROM order_items JOIN products USING (product_id) WHERE subcategory = 'Pens'")
            .ShouldBeGreaterThan(5);
    }

    [Fact]
    public void About_ninety_percent_of_orders_are_completed()
    {
        _database.Double("SELECT avg(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) FROM orders").ShouldBeInRange(0.87, 0.93);
        _database.Double("SELECT avg(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) FROM orders").ShouldBeInRange(0.04, 0.08);
        _database.Double("SELECT avg(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) FROM orders").ShouldBeInRange(0.02, 0.06);
    }

    [Fact]
    public void Orders_grow_every_year()
    {
        var ordersPerYear = _database.Rows("SELECT year(order_date), count(*) FROM orders GROUP BY 1 ORDER BY 1")
            .Select(row => Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

        ordersPerYear.Length.ShouldBe(3);
        ordersPerYear[1].ShouldBeGreaterThan(ordersPerYear[0]);
        ordersPerYear[2].ShouldBeGreaterThan(ordersPerYear[1]);
    }

    [Fact]
    public void December_is_busier_than_the_average_month_of_every_year()
    {
        _database.Count("""
            SELECT count(*) FROM (
                SELECT year(order_date) AS year,
                       count(*) FILTER (WHERE month(order_date) = 12) AS december,
                       count(*) / 12.0 AS average_month
                FROM orders GROUP BY 1)
            WHERE december <= average_month
            """).ShouldBe(0);
        _database.Count("SELECT count(DISTINCT year(order_date)) FROM orders").ShouldBe(3);
    }

    [Fact]
    public void Summer_dips_and_weekends_differ_from_weekdays()
    {
        _database.Count("""
            SELECT count(*) FROM (
                SELECT year(order_date) AS year,
                       count(*) FILTER (WHERE month(order_date) = 7) AS july,
                       count(*) FILTER (WHERE month(order_date) = 5) AS may
                FROM orders GROUP BY 1)
            WHERE july >= may
            """).ShouldBe(0);
        _database.Text("SELECT dayname(order_date) FROM orders GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").ShouldBe("Saturday");
    }

    [Fact]
    public void Online_share_grows_over_time()
    {
        var online2023 = _database.Double("SELECT avg(CASE WHEN channel = 'Online' THEN 1 ELSE 0 END) FROM orders WHERE year(order_date) = 2023");
        var online2025 = _database.Double("SELECT avg(CASE WHEN channel = 'Online' THEN 1 ELSE 0 END) FROM orders WHERE year(order_date) = 2025");

        online2025.ShouldBeGreaterThan(online2023);
    }

    [Fact]
    public void A_tenth_of_the_customers_place_a_large_share_of_the_orders()
    {
        var topDecileShare = _database.Double("""
            SELECT sum(orders) FILTER (WHERE decile = 1) / sum(orders)
            FROM (SELECT count(*) AS orders, ntile(10) OVER (ORDER BY count(*) DESC) AS decile FROM orders GROUP BY customer_id)
            """);

        topDecileShare.ShouldBeGreaterThan(0.25);
    }
}
