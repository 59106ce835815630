using Kurobe.Semantic.RuleBased.Tests.Support;

namespace Kurobe.Semantic.RuleBased.Tests;

/// <summary>Questions and the semantic query each should become, on the retail model, with today 2025-12-15 (a Monday).</summary>
public sealed class InterpretationTests
{
    public static TheoryData<string, string> MeasuresAndSynonyms => new()
    {
        { "total revenue", "revenue" },
        { "What were our sales?", "revenue" },
        { "turnover", "revenue" },
        { "Show me the AOV", "average_order_value" },
        { "average order value by channel", "average_order_value by channel" },
        { "units sold by category", "units_sold by category" },
        { "items sold per subcategory", "units_sold by subcategory" },
        { "quantity by product", "units_sold by product" },
        { "how many orders", "order_count" },
        { "number of orders by status", "order_count by status" },
        { "How many customers do we have in Germany?", "customer_count where country = Germany" },
        { "buyers by segment", "customer_count by segment" },
        { "clients per region", "customer_count by region" },
        { "profit", "profit" },
        { "average discount by category", "average_discount by category" },
        { "Units_Sold by Region", "units_sold by region" },
        { "REVENUE BY COUNTRY", "revenue by country" },
        { "cost by product category", "cost by category" },
        { "revenue by market segment", "revenue by segment" },
        { "purchases by sales channel", "order_count by channel" },
        { "revenue by order status", "revenue by status" },
        { "show us revenue", "revenue" },
    };

    public static TheoryData<string, string> Grouping => new()
    {
        { "revenue by region and country", "revenue by region, country" },
        { "revenue per city", "revenue by city" },
        { "profit for each category", "profit by category" },
        { "revenue by regions", "revenue by region" },
        { "orders per customer", "order_count by customer" },
        { "sales by category and subcategory", "revenue by category, subcategory" },
        { "customers by country", "customer_count by country" },
        { "Revenue, by REGION?", "revenue by region" },
    };

    public static TheoryData<string, string> Values => new()
    {
        { "revenue in Germany", "revenue where country = Germany" },
        { "revenue in the United States", "revenue where country = United States" },
        { "US revenue", "revenue where country = United States" },
        { "revenue in the USA", "revenue where country = United States" },
        { "UK sales by city", "revenue by city where country = United Kingdom" },
        { "web sales", "revenue where channel = Online" },
        { "revenue from Small Business customers", "revenue where segment = Small Business" },
        { "revenue for Germany and France", "revenue where country in (Germany, France)" },
        { "laptop sales", "revenue where subcategory = Laptops" },
        { "Electronics revenue by subcategory", "revenue by subcategory where category = Electronics" },
        { "revenue in Mexico City", "revenue where city = Mexico City" },
        { "revenue in Mexico", "revenue where country = Mexico" },
        { "revenue for the city of Singapore", "revenue where city = Singapore" },
        { "revenue for country Singapore", "revenue where country = Singapore" },
        { "completed orders by channel", "order_count by channel where status = completed" },
        { "revenue of returned orders", "revenue where status = returned" },
        { "profit in the Electronics category", "profit where category = Electronics" },
        { "units sold of Aurora Laptop 14", "units_sold where product = Aurora Laptop 14" },
        { "revenue from Anna Schmidt", "revenue where customer = Anna Schmidt" },
        { "revenue in North America and Europe by country", "revenue by country where region in (North America, Europe)" },
        { "revenue for Consumer and Corporate segments", "revenue where segment in (Consumer, Corporate)" },
        { "online revenue in São Paulo", "revenue where channel = Online and city = São Paulo" },
    };

    public static TheoryData<string, string> Misspellings => new()
    {
        { "revenue in Germny", "revenue where country = Germany" },
        { "revnue by regoin", "revenue by region" },
        { "Electroncs sales", "revenue where category = Electronics" },
        { "revenue in the Untied States", "revenue where country = United States" },
    };

    public static TheoryData<string, string> Periods => new()
    {
        { "revenue in 2024", "revenue where order_date between 2024-01-01 and 2024-12-31" },
        { "revenue by region in 2024", "revenue by region where order_date between 2024-01-01 and 2024-12-31" },
        { "revenue in Q4 2024", "revenue where order_date between 2024-10-01 and 2024-12-31" },
        { "profit in the fourth quarter of 2024", "profit where order_date between 2024-10-01 and 2024-12-31" },
        { "revenue in 2025 Q1", "revenue where order_date between 2025-01-01 and 2025-03-31" },
        { "revenue in March 2025", "revenue where order_date between 2025-03-01 and 2025-03-31" },
        { "orders February 2024", "order_count where order_date between 2024-02-01 and 2024-02-29" },
        { "revenue in 2025-03", "revenue where order_date between 2025-03-01 and 2025-03-31" },
        { "revenue on 2024-07-04", "revenue where order_date between 2024-07-04 and 2024-07-04" },
        { "revenue between 2024-01-01 and 2024-06-30", "revenue where order_date between 2024-01-01 and 2024-06-30" },
        { "revenue from Jan 2024 to Mar 2024", "revenue where order_date between 2024-01-01 and 2024-03-31" },
        { "revenue from January to March 2024", "revenue where order_date between 2024-01-01 and 2024-03-31" },
        { "revenue since 2025", "revenue where order_date between 2025-01-01 and 2025-12-15" },
        { "revenue since March 2025", "revenue where order_date between 2025-03-01 and 2025-12-15" },
        { "revenue last month", "revenue where order_date between 2025-11-01 and 2025-11-30" },
        { "revenue this month", "revenue where order_date between 2025-12-01 and 2025-12-31" },
        { "revenue this year", "revenue where order_date between 2025-01-01 and 2025-12-31" },
        { "revenue last year", "revenue where order_date between 2024-01-01 and 2024-12-31" },
        { "revenue last quarter", "revenue where order_date between 2025-07-01 and 2025-09-30" },
        { "revenue this quarter", "revenue where order_date between 2025-10-01 and 2025-12-31" },
        { "revenue this week", "revenue where order_date between 2025-12-15 and 2025-12-21" },
        { "revenue last week", "revenue where order_date between 2025-12-08 and 2025-12-14" },
        { "revenue in the last 7 days", "revenue where order_date between 2025-12-09 and 2025-12-15" },
        { "orders in the last 30 days", "order_count where order_date between 2025-11-16 and 2025-12-15" },
        { "revenue past 90 days", "revenue where order_date between 2025-09-17 and 2025-12-15" },
        { "revenue over the last 12 months by month", "revenue by order_date:month where order_date between 2024-12-16 and 2025-12-15" },
        { "revenue year to date", "revenue where order_date between 2025-01-01 and 2025-12-15" },
        { "ytd revenue by channel", "revenue by channel where order_date between 2025-01-01 and 2025-12-15" },
        { "revenue today", "revenue where order_date between 2025-12-15 and 2025-12-15" },
        { "orders yesterday", "order_count where order_date between 2025-12-14 and 2025-12-14" },
        { "revenue by ship date monthly in 2024", "revenue by ship_date:month where ship_date between 2024-01-01 and 2024-12-31" },
        { "orders by ship date", "order_count by ship_date:day" },
    };

    public static TheoryData<string, string> Grains => new()
    {
        { "monthly revenue", "revenue by order_date:month" },
        { "weekly orders in 2025", "order_count by order_date:week where order_date between 2025-01-01 and 2025-12-31" },
        { "daily revenue last month", "revenue by order_date:day where order_date between 2025-11-01 and 2025-11-30" },
        { "quarterly profit", "profit by order_date:quarter" },
        { "yearly revenue", "revenue by order_date:year" },
        { "annual sales by region", "revenue by order_date:year, region" },
        { "revenue by month", "revenue by order_date:month" },
        { "revenue per week", "revenue by order_date:week" },
        { "revenue over time", "revenue by order_date:month" },
        { "revenue trend by region", "revenue by order_date:month, region" },
        { "revenue each year", "revenue by order_date:year" },
        { "revenue by region and month", "revenue by region, order_date:month" },
        { "revenue by date", "revenue by order_date:day" },
        { "monthly revenue trend", "revenue by order_date:month" },
    };

    public static TheoryData<string, string> Rankings => new()
    {
        { "top 5 products by revenue", "revenue by product order by revenue desc limit 5" },
        { "bottom 3 categories by profit", "profit by category order by profit asc limit 3" },
        { "top product by units sold", "units_sold by product order by units_sold desc limit 1" },
        { "top products by revenue", "revenue by product order by revenue desc limit 10" },
        { "best 10 customers by revenue in 2024", "revenue by customer where order_date between 2024-01-01 and 2024-12-31 order by revenue desc limit 10" },
        { "worst 3 regions by profit", "profit by region order by profit asc limit 3" },
        { "which region has the highest revenue", "revenue by region order by revenue desc limit 1" },
        { "which channel has the lowest average order value", "average_order_value by channel order by average_order_value asc limit 1" },
        { "the most orders by country", "order_count by country order by order_count desc" },
        { "which products have the least units sold", "units_sold by product order by units_sold asc limit 10" },
        { "top five cities by revenue", "revenue by city order by revenue desc limit 5" },
        { "top 10 products by revenue in Electronics", "revenue by product where category = Electronics order by revenue desc limit 10" },
        { "top-3 countries by orders last year", "order_count by country where order_date between 2024-01-01 and 2024-12-31 order by order_count desc limit 3" },
        { "5 best selling products by units", "units_sold by product order by units_sold desc limit 5" },
    };

    public static TheoryData<string, string> Comparisons => new()
    {
        { "Germany vs France revenue", "revenue by country where country in (Germany, France)" },
        { "compare online and store sales", "revenue by channel where channel in (Online, Store)" },
        { "revenue Consumer versus Corporate by year", "revenue by segment, order_date:year where segment in (Consumer, Corporate)" },
        { "revenue 2024 vs 2025", "revenue by order_date:year where order_date between 2024-01-01 and 2025-12-31" },
        { "compare Q1 2025 and Q2 2025 revenue", "revenue by order_date:quarter where order_date between 2025-01-01 and 2025-06-30" },
        { "Laptops versus Phones units sold in 2025", "units_sold by subcategory where subcategory in (Laptops, Phones) and order_date between 2025-01-01 and 2025-12-31" },
    };

    public static TheoryData<string, string> SeveralMeasures => new()
    {
        { "revenue and profit by year", "revenue, profit by order_date:year" },
        { "revenue, cost and profit by category", "revenue, cost, profit by category" },
        { "orders and customers by region", "order_count, customer_count by region" },
        { "revenue vs cost by month", "revenue, cost by order_date:month" },
    };

    public static TheoryData<string, string> Sorting => new()
    {
        { "revenue by region sorted by revenue", "revenue by region order by revenue desc" },
        { "revenue by country ordered by country", "revenue by country order by country asc" },
        { "profit by category descending", "profit by category order by profit desc" },
        { "revenue by region sorted by profit ascending", "revenue, profit by region order by profit asc" },
        { "revenue by category in ascending order", "revenue by category order by revenue asc" },
    };

    public static TheoryData<string, string> Listing => new()
    {
        { "list regions", "(no measure) by region" },
        { "which countries are in Europe", "(no measure) by country where region = Europe" },
        { "which products are in the Laptops subcategory", "(no measure) by product where subcategory = Laptops" },
        { "which customers bought laptops", "(no measure) by customer where subcategory = Laptops" },
    };

    [Theory]
    [MemberData(nameof(MeasuresAndSynonyms))]
    [MemberData(nameof(Grouping))]
    [MemberData(nameof(Values))]
    [MemberData(nameof(Misspellings))]
    [MemberData(nameof(Periods))]
    [MemberData(nameof(Grains))]
    [MemberData(nameof(Rankings))]
    [MemberData(nameof(Comparisons))]
    [MemberData(nameof(SeveralMeasures))]
    [MemberData(nameof(Sorting))]
    [MemberData(nameof(Listing))]
    public async Task Question_becomes_the_expected_query(string question, string expected)
    {
        var query = await Engine.QueryAsync(question);

        QueryText.Of(query).ShouldBe(expected);
    }
}
