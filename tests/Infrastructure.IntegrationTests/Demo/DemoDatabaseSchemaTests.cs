namespace Kurobe.Infrastructure.IntegrationTests.Demo;

[Collection(SharedDemoDatabase.Name)]
public sealed class DemoDatabaseSchemaTests(DemoDatabaseFixture fixture)
{
    private readonly DemoDatabaseReader _database = fixture.Database;

    [Fact]
    public void Tables_and_columns_match_the_documented_schema_exactly()
    {
        var columns = _database.Lines("""
            SELECT table_name, column_name, data_type
            FROM information_schema.columns
            WHERE table_schema = 'main'
            ORDER BY table_name, ordinal_position
            """);

        columns.ShouldBe(
        [
            "customers | customer_id | INTEGER",
            "customers | customer_name | VARCHAR",
            "customers | email | VARCHAR",
            "customers | segment | VARCHAR",
            "customers | country | VARCHAR",
            "customers | region | VARCHAR",
            "customers | city | VARCHAR",
            "customers | signup_date | DATE",
            "order_items | order_id | INTEGER",
            "order_items | line_number | INTEGER",
            "order_items | product_id | INTEGER",
            "order_items | quantity | INTEGER",
            "order_items | unit_price | DECIMAL(10,2)",
            "order_items | discount | DECIMAL(4,3)",
            "orders | order_id | INTEGER",
            "orders | customer_id | INTEGER",
            "orders | order_date | DATE",
            "orders | ship_date | DATE",
            "orders | channel | VARCHAR",
            "orders | status | VARCHAR",
            "products | product_id | INTEGER",
            "products | product_name | VARCHAR",
            "products | category | VARCHAR",
            "products | subcategory | VARCHAR",
            "products | unit_price | DECIMAL(10,2)",
            "products | unit_cost | DECIMAL(10,2)",
        ]);
    }

    [Fact]
    public void Primary_keys_are_declared()
    {
        var primaryKeys = _database.Lines("""
            SELECT table_name, array_to_string(constraint_column_names, ',')
            FROM duckdb_constraints()
            WHERE constraint_type = 'PRIMARY KEY'
            ORDER BY table_name
            """);

        primaryKeys.ShouldBe(
        [
            "customers | customer_id",
            "order_items | order_id,line_number",
            "orders | order_id",
            "products | product_id",
        ]);
    }

    [Fact]
    public void Foreign_keys_reference_the_parent_tables()
    {
        var foreignKeys = _database.Lines("""
            SELECT table_name, array_to_string(constraint_column_names, ','),
                   referenced_table, array_to_string(referenced_column_names, ',')
            FROM duckdb_constraints()
            WHERE constraint_type = 'FOREIGN KEY'
            ORDER BY ALL
            """);

        foreignKeys.ShouldBe(
        [
            "order_items | order_id | orders | order_id",
            "order_items | product_id | products | product_id",
            "orders | customer_id | customers | customer_id",
        ]);
    }

    [Fact]
    public void Every_table_and_column_has_a_description()
    {
        _database.Count("SELECT count(*) FROM duckdb_tables() WHERE comment IS NULL OR length(comment) < 10").ShouldBe(0);
        _database.Count("SELECT count(*) FROM duckdb_columns() WHERE NOT internal AND (comment IS NULL OR length(comment) < 10)").ShouldBe(0);
    }
}
