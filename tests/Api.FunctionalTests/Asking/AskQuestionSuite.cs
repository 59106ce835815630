using System.Globalization;
using System.Text.Json;
using Kurobe.Api.FunctionalTests.Infrastructure;

namespace Kurobe.Api.FunctionalTests.Asking;

/// <summary>
/// Questions over the demo data, end to end through <c>ask</c> (semantic_compiler: the rule-based semantic engine and
/// the host's compiler), each checked against the result of hand-written SQL run with <c>runQuery</c> on the same
/// source. Rows are compared as multisets (in order for top-N questions), numbers to the cent. The reference date is
/// 2025-12-15.
/// </summary>
public sealed class AskQuestionSuite(AskApiFactory factory) : IClassFixture<AskApiFactory>
{
    private const string Revenue = "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))";
    private const string Cost = "SUM(oi.quantity * p.unit_cost)";
    private const string Lines = "order_items oi JOIN orders o USING (order_id) JOIN customers c USING (customer_id) JOIN products p USING (product_id)";
    private const string Orders = "orders o JOIN customers c USING (customer_id)";

    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, bool> Questions => new()
    {
        { "total revenue", $"SELECT {Revenue} FROM {Lines}", false },
        { "What were our sales?", $"SELECT {Revenue} FROM {Lines}", false },
        { "turnover", $"SELECT {Revenue} FROM {Lines}", false },
        { "Show me the AOV", $"SELECT {Revenue} / COUNT(DISTINCT o.order_id) FROM {Lines}", false },
        { "average order value by channel", $"SELECT o.channel, {Revenue} / COUNT(DISTINCT o.order_id) FROM {Lines} GROUP BY 1", false },
        { "units sold by category", $"SELECT p.category, SUM(oi.quantity) FROM {Lines} GROUP BY 1", false },
        { "items sold per subcategory", $"SELECT p.subcategory, SUM(oi.quantity) FROM {Lines} GROUP BY 1", false },
        { "how many orders", "SELECT COUNT(*) FROM orders", false },
        { "number of orders by status", "SELECT status, COUNT(*) FROM orders GROUP BY 1", false },
        { "How many customers do we have in Germany?", $"SELECT COUNT(DISTINCT o.customer_id) FROM {Orders} WHERE c.country = 'Germany'", false },
        { "buyers by segment", $"SELECT c.segment, COUNT(DISTINCT o.customer_id) FROM {Orders} GROUP BY 1", false },
        { "clients per region", $"SELECT c.region, COUNT(DISTINCT o.customer_id) FROM {Orders} GROUP BY 1", false },
        { "profit", $"SELECT {Revenue} - {Cost} FROM {Lines}", false },
        { "average discount by category", $"SELECT p.category, AVG(oi.discount) FROM {Lines} GROUP BY 1", false },
        { "Units_Sold by Region", $"SELECT c.region, SUM(oi.quantity) FROM {Lines} GROUP BY 1", false },
        { "REVENUE BY COUNTRY", $"SELECT c.country, {Revenue} FROM {Lines} GROUP BY 1", false },
        { "cost by product category", $"SELECT p.category, {Cost} FROM {Lines} GROUP BY 1", false },
        { "revenue by market segment", $"SELECT c.segment, {Revenue} FROM {Lines} GROUP BY 1", false },
        { "purchases by sales channel", "SELECT channel, COUNT(*) FROM orders GROUP BY 1", false },
        { "revenue by order status", $"SELECT o.status, {Revenue} FROM {Lines} GROUP BY 1", false },
        { "revenue by region and country", $"SELECT c.region, c.country, {Revenue} FROM {Lines} GROUP BY 1, 2", false },
        { "revenue per city", $"SELECT c.city, {Revenue} FROM {Lines} GROUP BY 1", false },
        { "profit for each category", $"SELECT p.category, {Revenue} - {Cost} FROM {Lines} GROUP BY 1", false },
        { "orders per customer", $"SELECT c.customer_name, COUNT(DISTINCT o.order_id) FROM {Orders} GROUP BY 1", false },
        { "sales by category and subcategory", $"SELECT p.category, p.subcategory, {Revenue} FROM {Lines} GROUP BY 1, 2", false },
        { "customers by country", $"SELECT c.country, COUNT(DISTINCT o.customer_id) FROM {Orders} GROUP BY 1", false },
        { "revenue in Germany", $"SELECT {Revenue} FROM {Lines} WHERE c.country = 'Germany'", false },
        { "US revenue", $"SELECT {Revenue} FROM {Lines} WHERE c.country = 'United States'", false },
        { "revenue in the USA", $"SELECT {Revenue} FROM {Lines} WHERE c.country = 'United States'", false },
        { "UK sales by city", $"SELECT c.city, {Revenue} FROM {Lines} WHERE c.country = 'United Kingdom' GROUP BY 1", false },
        { "web sales", $"SELECT {Revenue} FROM {Lines} WHERE o.channel = 'Online'", false },
        { "revenue from Small Business customers", $"SELECT {Revenue} FROM {Lines} WHERE c.segment = 'Small Business'", false },
        { "revenue for Germany and France", $"SELECT {Revenue} FROM {Lines} WHERE c.country IN ('Germany', 'France')", false },
        { "laptop sales", $"SELECT {Revenue} FROM {Lines} WHERE p.subcategory = 'Laptops'", false },
        { "Electronics revenue by subcategory", $"SELECT p.subcategory, {Revenue} FROM {Lines} WHERE p.category = 'Electronics' GROUP BY 1", false },
        { "completed orders by channel", "SELECT channel, COUNT(*) FROM orders WHERE status = 'completed' GROUP BY 1", false },
        { "revenue of returned orders", $"SELECT {Revenue} FROM {Lines} WHERE o.status = 'returned'", false },
        { "profit in the Electronics category", $"SELECT {Revenue} - {Cost} FROM {Lines} WHERE p.category = 'Electronics'", false },
        { "revenue in North America and Europe by country", $"SELECT c.country, {Revenue} FROM {Lines} WHERE c.region IN ('North America', 'Europe') GROUP BY 1", false },
        { "revenue in Germny", $"SELECT {Revenue} FROM {Lines} WHERE c.country = 'Germany'", false },
        { "revnue by regoin", $"SELECT c.region, {Revenue} FROM {Lines} GROUP BY 1", false },
        { "revenue in 2024", $"SELECT {Revenue} FROM {Lines} WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'", false },
        { "revenue by region in 2024", $"SELECT c.region, {Revenue} FROM {Lines} WHERE year(o.order_date) = 2024 GROUP BY 1", false },
        { "revenue in Q4 2024", $"SELECT {Revenue} FROM {Lines} WHERE o.order_date >= DATE '2024-10-01' AND o.order_date < DATE '2025-01-01'", false },
        { "revenue in March 2025", $"SELECT {Revenue} FROM {Lines} WHERE year(o.order_date) = 2025 AND month(o.order_date) = 3", false },
        { "orders February 2024", "SELECT COUNT(*) FROM orders WHERE order_date >= DATE '2024-02-01' AND order_date < DATE '2024-03-01'", false },
        { "revenue last month", $"SELECT {Revenue} FROM {Lines} WHERE o.order_date BETWEEN DATE '2025-11-01' AND DATE '2025-11-30'", false },
        { "revenue last year", $"SELECT {Revenue} FROM {Lines} WHERE year(o.order_date) = 2024", false },
        { "revenue year to date", $"SELECT {Revenue} FROM {Lines} WHERE o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-15'", false },
        { "ytd revenue by channel", $"SELECT o.channel, {Revenue} FROM {Lines} WHERE o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-15' GROUP BY 1", false },
        { "orders in the last 30 days", "SELECT COUNT(*) FROM orders WHERE order_date BETWEEN DATE '2025-11-16' AND DATE '2025-12-15'", false },
        { "revenue between 2024-01-01 and 2024-06-30", $"SELECT {Revenue} FROM {Lines} WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-06-30'", false },
        { "revenue from January to March 2024", $"SELECT {Revenue} FROM {Lines} WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-03-31'", false },
        { "top 5 products by revenue", $"SELECT p.product_name, {Revenue} AS r FROM {Lines} GROUP BY 1 ORDER BY r DESC LIMIT 5", true },
        { "bottom 3 categories by profit", $"SELECT p.category, {Revenue} - {Cost} AS m FROM {Lines} GROUP BY 1 ORDER BY m ASC LIMIT 3", true },
        { "which region has the highest revenue", $"SELECT c.region, {Revenue} AS r FROM {Lines} GROUP BY 1 ORDER BY r DESC LIMIT 1", true },
        { "top five cities by revenue", $"SELECT c.city, {Revenue} AS r FROM {Lines} GROUP BY 1 ORDER BY r DESC LIMIT 5", true },
        { "top-3 countries by orders last year", "SELECT c.country, COUNT(*) AS n FROM orders o JOIN customers c USING (customer_id) WHERE year(o.order_date) = 2024 GROUP BY 1 ORDER BY n DESC LIMIT 3", true },
        { "Germany vs France revenue", $"SELECT c.country, {Revenue} FROM {Lines} WHERE c.country IN ('Germany', 'France') GROUP BY 1", false },
        { "compare online and store sales", $"SELECT o.channel, {Revenue} FROM {Lines} WHERE o.channel IN ('Online', 'Store') GROUP BY 1", false },
        { "revenue, cost and profit by category", $"SELECT p.category, {Revenue}, {Cost}, {Revenue} - {Cost} FROM {Lines} GROUP BY 1", false },
        { "orders and customers by region", $"SELECT c.region, COUNT(DISTINCT o.order_id), COUNT(DISTINCT o.customer_id) FROM {Orders} GROUP BY 1", false },
        { "revenue by region sorted by revenue", $"SELECT c.region, {Revenue} AS r FROM {Lines} GROUP BY 1 ORDER BY r DESC", true },
        { "list regions", "SELECT DISTINCT region FROM customers", false },
        { "which countries are in Europe", "SELECT DISTINCT country FROM customers WHERE region = 'Europe'", false },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task The_answer_has_the_rows_of_hand_written_sql(string question, string expectedSql, bool ordered)
    {
        var answer = await AskAsync(question);
        answer.GetProperty("problems").GetArrayLength().ShouldBe(0, answer.GetRawText());
        answer.GetProperty("engine").GetProperty("provider").GetString().ShouldBe("semantic_compiler");
        var actual = Normalize(answer.GetProperty("rows"));

        var expected = await RunAsync(expectedSql);

        if (ordered)
        {
            actual.ShouldBe(expected, $"{question}\nask: {answer.GetProperty("sql").GetString()}");
        }
        else
        {
            actual.ShouldBe(expected, ignoreOrder: true, $"{question}\nask: {answer.GetProperty("sql").GetString()}");
        }
    }

    [Theory]
    [InlineData("what will the weather be tomorrow")]
    [InlineData("how many employees work in the Berlin office")]
    [InlineData("revenue by favourite colour")]
    public async Task A_question_outside_the_model_cannot_be_answered(string question)
    {
        var answer = await AskAsync(question);

        answer.GetProperty("sql").ValueKind.ShouldBe(JsonValueKind.Null);
        answer.GetProperty("rows").ValueKind.ShouldBe(JsonValueKind.Null);
        var problem = answer.GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("code").GetString().ShouldBe("CANNOT_ANSWER");
        problem.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    private async Task<JsonElement> AskAsync(string question)
    {
        var response = await _client.PostGraphQLAsync(
            "mutation($q: String!) { ask(input: {question: $q}) { id sql rows problems { code message suggestions } engine { provider profile } } }",
            new { q = question },
            Token);
        response.TryGetProperty("errors", out _).ShouldBeFalse(response.GetRawText());
        return response.GetProperty("data").GetProperty("ask");
    }

    private async Task<List<string>> RunAsync(string sql)
    {
        var response = await _client.PostGraphQLAsync(
            "query($sql: String!) { runQuery(input: {sql: $sql, cacheTtlSeconds: 0}) { rows } }", new { sql }, Token);
        response.TryGetProperty("errors", out _).ShouldBeFalse(response.GetRawText());
        return Normalize(response.GetProperty("data").GetProperty("runQuery").GetProperty("rows"));
    }

    /// <summary>Each row as its cells in a fixed order (so column order does not matter), numbers rounded to the cent.</summary>
    private static List<string> Normalize(JsonElement rows) =>
    [
        .. rows.EnumerateArray().Select(row => string.Join(" | ", row.EnumerateArray().Select(Cell).Order(StringComparer.Ordinal))),
    ];

    private static string Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Number => Math.Round(cell.GetDouble(), 2).ToString("0.00", CultureInfo.InvariantCulture),
        JsonValueKind.Null => "null",
        _ => cell.ToString(),
    };
}
