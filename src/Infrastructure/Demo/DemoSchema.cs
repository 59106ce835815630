namespace Kurobe.Infrastructure.Demo;

/// <summary>DDL of the demo database. Table and column names are a contract shared with the docs and the semantic layer.</summary>
internal static class DemoSchema
{
    public const string CreateTables = """
        CREATE TABLE customers(
            customer_id INTEGER PRIMARY KEY,
            customer_name VARCHAR,
            email VARCHAR,
            segment VARCHAR,
            country VARCHAR,
            region VARCHAR,
            city VARCHAR,
            signup_date DATE);

        CREATE TABLE products(
            product_id INTEGER PRIMARY KEY,
            product_name VARCHAR,
            category VARCHAR,
            subcategory VARCHAR,
            unit_price DECIMAL(10,2),
            unit_cost DECIMAL(10,2));

        CREATE TABLE orders(
            order_id INTEGER PRIMARY KEY,
            customer_id INTEGER REFERENCES customers,
            order_date DATE,
            ship_date DATE,
            channel VARCHAR,
            status VARCHAR);

        CREATE TABLE order_items(
            order_id INTEGER REFERENCES orders,
            line_number INTEGER,
            product_id INTEGER REFERENCES products,
            quantity INTEGER,
            unit_price DECIMAL(10,2),
            discount DECIMAL(4,3),
            PRIMARY KEY (order_id, line_number));

        COMMENT ON TABLE customers IS 'Customers of a fictional international retailer, one row per customer account.';
        COMMENT ON COLUMN customers.customer_id IS 'Customer identifier; ascends with signup_date.';
        COMMENT ON COLUMN customers.customer_name IS 'Full name of the customer (first name, last name).';
        COMMENT ON COLUMN customers.email IS 'Unique contact email address.';
        COMMENT ON COLUMN customers.segment IS 'Customer segment: Consumer, Corporate or Small Business.';
        COMMENT ON COLUMN customers.country IS 'Country of the customer, for example United States, Germany, Japan.';
        COMMENT ON COLUMN customers.region IS 'Sales region of the country: North America, Europe, Asia Pacific or Latin America.';
        COMMENT ON COLUMN customers.city IS 'City of the customer.';
        COMMENT ON COLUMN customers.signup_date IS 'Date the customer account was created (2021-2025); all orders of the customer are on or after it.';

        COMMENT ON TABLE products IS 'Product catalog, one row per sellable product.';
        COMMENT ON COLUMN products.product_id IS 'Product identifier.';
        COMMENT ON COLUMN products.product_name IS 'Unique product name: brand, product line, product type and model number.';
        COMMENT ON COLUMN products.category IS 'Product category: Electronics, Furniture, Office Supplies, Clothing or Sports.';
        COMMENT ON COLUMN products.subcategory IS 'Product subcategory within the category, for example Laptops, Chairs, Pens.';
        COMMENT ON COLUMN products.unit_price IS 'Current list price per unit in US dollars.';
        COMMENT ON COLUMN products.unit_cost IS 'Cost per unit in US dollars; margin = unit_price - unit_cost.';

        COMMENT ON TABLE orders IS 'Sales orders from 2023-01-01 to 2025-12-31, one row per order; the lines are in order_items.';
        COMMENT ON COLUMN orders.order_id IS 'Order identifier; ascends with order_date.';
        COMMENT ON COLUMN orders.customer_id IS 'Customer who placed the order (customers.customer_id).';
        COMMENT ON COLUMN orders.order_date IS 'Date the order was placed.';
        COMMENT ON COLUMN orders.ship_date IS 'Date the order was shipped or handed over, 0 to 10 days after order_date.';
        COMMENT ON COLUMN orders.channel IS 'Sales channel: Online, Store or Partner.';
        COMMENT ON COLUMN orders.status IS 'Order status: completed, returned or cancelled (lowercase). Revenue usually counts completed orders only.';

        COMMENT ON TABLE order_items IS 'Order lines, one row per product in an order (1 to 5 lines per order).';
        COMMENT ON COLUMN order_items.order_id IS 'Order the line belongs to (orders.order_id).';
        COMMENT ON COLUMN order_items.line_number IS 'Line number within the order, starting at 1.';
        COMMENT ON COLUMN order_items.product_id IS 'Product sold on this line (products.product_id); each product appears at most once per order.';
        COMMENT ON COLUMN order_items.quantity IS 'Number of units sold, at least 1.';
        COMMENT ON COLUMN order_items.unit_price IS 'Price per unit before discount in US dollars.';
        COMMENT ON COLUMN order_items.discount IS 'Discount rate applied to the line: 0, 0.05, 0.1, 0.15 or 0.2. Line revenue = quantity * unit_price * (1 - discount).';
        """;
}
