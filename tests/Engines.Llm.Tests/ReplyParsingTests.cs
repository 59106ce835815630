using Kurobe.Engines.Llm.Internal;

namespace Kurobe.Engines.Llm.Tests;

public sealed class ReplyParsingTests
{
    [Theory]
    [InlineData("""{"sql": "SELECT 1", "refusal": null, "explanation": "one", "confidence": 0.7}""")]
    [InlineData("""
        ```json
        {"sql": "SELECT 1", "refusal": null, "explanation": "one", "confidence": 0.7}
        ```
        """)]
    [InlineData("""Sure! {"sql": "SELECT 1", "explanation": "one", "confidence": "0.7",} Hope it helps.""")]
    public void The_json_reply_is_read_bare_fenced_or_wrapped_in_prose(string reply)
    {
        SqlReply.Parse(reply).ShouldBe(new SqlReply("SELECT 1", null, "one", 0.7));
    }

    [Fact]
    public void A_fenced_sql_block_or_a_bare_query_is_read_as_sql()
    {
        SqlReply.Parse("Try:\n```SQL\nSELECT a\nFROM t\n```").Sql.ShouldBe("SELECT a\nFROM t");
        SqlReply.Parse("```\nWITH x AS (SELECT 1) SELECT * FROM x\n```").Sql.ShouldBe("WITH x AS (SELECT 1) SELECT * FROM x");
        SqlReply.Parse("  select 1;  ").Sql.ShouldBe("select 1;");
        SqlReply.Parse("I cannot help with that.").ShouldBe(new SqlReply(null, null, null, null));
    }

    [Fact]
    public void Confidence_is_kept_between_zero_and_one()
    {
        SqlReply.Parse("""{"sql": "SELECT 1", "confidence": 7}""").Confidence.ShouldBe(1);
        SqlReply.Parse("""{"sql": "SELECT 1", "confidence": "high"}""").Confidence.ShouldBeNull();
    }

    [Theory]
    [InlineData("SELECT * FROM orders")]
    [InlineData("with t as (select 1) select * from t")]
    [InlineData("(SELECT 1) UNION ALL (SELECT 2)")]
    [InlineData("SELECT 'DROP TABLE orders' AS joke, \"delete\" FROM t -- UPDATE later")]
    [InlineData("SELECT replace(name, 'a', 'b'), last_update FROM t /* ; DELETE */")]
    [InlineData("SELECT 1;")]
    public void Read_only_queries_pass(string sql) => ReadOnlySql.Problem(SqlReply.Normalize(sql)).ShouldBeNull();

    [Theory]
    [InlineData("DROP TABLE orders", "it starts with DROP, not SELECT or WITH")]
    [InlineData("delete from orders", "it starts with DELETE")]
    [InlineData("SELECT 1; DROP TABLE orders", "it holds more than one statement")]
    [InlineData("WITH gone AS (DELETE FROM orders RETURNING *) SELECT * FROM gone", "it contains DELETE")]
    [InlineData("SELECT * INTO backup FROM orders; ", "it contains INTO")]
    [InlineData("COPY orders TO '/tmp/x.csv'", "it starts with COPY")]
    [InlineData("", "the SQL is empty")]
    [InlineData("-- nothing", "the SQL is empty")]
    public void Anything_else_is_named(string sql, string expected) =>
        ReadOnlySql.Problem(SqlReply.Normalize(sql)).ShouldNotBeNull().ShouldStartWith(expected);
}
