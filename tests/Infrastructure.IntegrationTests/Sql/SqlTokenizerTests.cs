using Kurobe.Application.Common.Errors;
using Kurobe.Infrastructure.Sql;

namespace Kurobe.Infrastructure.IntegrationTests.Sql;

public sealed class SqlTokenizerTests
{
    private static List<string> Statements(string sql, SqlDialect dialect = SqlDialect.PostgreSql) =>
        SqlTokenizer.SplitStatements(sql, dialect).Select(s => s.Text).ToList();

    private static string Normalized(string sql, SqlDialect dialect = SqlDialect.PostgreSql) =>
        SqlTokenizer.SplitStatements(sql, dialect).Single().Normalized;

    private static List<(SqlTokenKind Kind, string Value)> Tokens(string sql, SqlDialect dialect = SqlDialect.PostgreSql) =>
        SqlTokenizer.Tokenize(sql, dialect).Select(t => (t.Kind, t.Value)).ToList();

    [Fact]
    public void Splits_on_top_level_semicolons_and_drops_empty_statements()
    {
        Statements("select 1; select 2;").ShouldBe(["select 1", "select 2"]);
        Statements(" ; select 1 ;; ").ShouldBe(["select 1"]);
        Statements("").ShouldBeEmpty();
        Statements("-- nothing here\n/* at all */").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("select 'a;b'")]
    [InlineData("select 'it''s; fine'")]
    [InlineData("select \"odd;name\" from t")]
    [InlineData("select \"a\"\";b\" from t")]
    [InlineData("select 1 -- ; select 2")]
    [InlineData("select 1 /* ; select 2 */")]
    [InlineData("select 1 /* outer /* inner ; */ still comment ; */")]
    [InlineData("select E'\\'; select 2'")]
    [InlineData("select e'a\\\\' || ';'")]
    [InlineData("select $$ ; select 2 $$")]
    [InlineData("select $fn$ it's $$ ; $fn$")]
    [InlineData("select U&'\\0041;'")]
    public void Semicolons_inside_literals_and_comments_do_not_split(string sql)
    {
        Statements(sql).Count.ShouldBe(1);
    }

    [Fact]
    public void Block_comments_nest_in_postgresql_and_duckdb_but_not_in_trino()
    {
        const string sql = "select 1 /* a /* b */ c */";
        Tokens(sql).Select(t => t.Value).ShouldBe(["select", "1"]);
        Tokens(sql, SqlDialect.DuckDb).Select(t => t.Value).ShouldBe(["select", "1"]);
        Tokens(sql, SqlDialect.Trino).Select(t => t.Value).ShouldBe(["select", "1", "c", "*", "/"]);
    }

    [Fact]
    public void Recognises_each_token_kind()
    {
        Tokens("SELECT \"Mixed\"\"Case\", 'x''y', 1.5e-3, $1 FROM t;").ShouldBe(
        [
            (SqlTokenKind.Word, "select"), (SqlTokenKind.QuotedIdentifier, "Mixed\"Case"), (SqlTokenKind.Symbol, ","),
            (SqlTokenKind.String, "'x''y'"), (SqlTokenKind.Symbol, ","), (SqlTokenKind.Number, "1.5e-3"), (SqlTokenKind.Symbol, ","),
            (SqlTokenKind.Parameter, "$1"), (SqlTokenKind.Word, "from"), (SqlTokenKind.Word, "t"), (SqlTokenKind.Semicolon, ";"),
        ]);
    }

    [Fact]
    public void Tells_dollar_quotes_from_parameters()
    {
        Tokens("select $1, $tag$ a $1 $$ b $tag$, $2").Select(t => t.Kind).ShouldBe(
        [
            SqlTokenKind.Word, SqlTokenKind.Parameter, SqlTokenKind.Symbol, SqlTokenKind.String, SqlTokenKind.Symbol, SqlTokenKind.Parameter,
        ]);
        Tokens("select a$b").ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.Word, "a$b")]);
        Tokens("select ?", SqlDialect.Trino).ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.Parameter, "?")]);
        Tokens("select ?", SqlDialect.DuckDb).ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.Parameter, "?")]);
        Tokens("select j ? 'k'").Select(t => t.Kind).ShouldBe([SqlTokenKind.Word, SqlTokenKind.Word, SqlTokenKind.Symbol, SqlTokenKind.String]);
    }

    [Fact]
    public void Escape_strings_take_backslash_escapes_only_where_the_dialect_has_them()
    {
        Tokens(@"select E'a\'b'").ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.String, @"E'a\'b'")]);
        Tokens(@"select 'a\'").ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.String, @"'a\'")]);
        Should.Throw<SqlNotAllowedException>(() => SqlTokenizer.Tokenize(@"select E'a\'", SqlDialect.PostgreSql));
        Tokens(@"select e'a\'", SqlDialect.Trino).ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.Word, "e"), (SqlTokenKind.String, @"'a\'")]);
    }

    [Fact]
    public void A_keyword_cannot_hide_behind_a_number()
    {
        Tokens("select 1delete").ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.Number, "1"), (SqlTokenKind.Word, "delete")]);
        Tokens("select 0x1F, 1_000, .5").Where(t => t.Kind == SqlTokenKind.Number).Select(t => t.Value).ShouldBe(["0x1F", "1_000", ".5"]);
    }

    [Fact]
    public void Unicode_escaped_identifiers_are_decoded()
    {
        Tokens(@"select U&""\0070g_read_file""").ShouldBe([(SqlTokenKind.Word, "select"), (SqlTokenKind.QuotedIdentifier, "pg_read_file")]);
    }

    [Theory]
    [InlineData("select 'abc")]
    [InlineData("select 'it''s")]
    [InlineData("select \"abc")]
    [InlineData("select 1 /* never closed")]
    [InlineData("select 1 /* outer /* inner */ still open")]
    [InlineData("select $$ body")]
    [InlineData("select $a$ body $b$")]
    [InlineData("select E'\\'")]
    public void Unterminated_strings_and_comments_are_refused(string sql)
    {
        var error = Should.Throw<SqlNotAllowedException>(() => SqlTokenizer.SplitStatements(sql, SqlDialect.PostgreSql));

        error.Message.ShouldBe("The SQL has an unterminated string or comment.");
    }

    [Fact]
    public void A_line_comment_at_the_end_needs_no_newline()
    {
        Statements("select 1 -- done").ShouldBe(["select 1"]);
    }

    [Fact]
    public void Normalization_ignores_layout_and_comments()
    {
        var expected = Normalized("select a, b from t where x = 'a  b' order by 1");

        Normalized("  select a,\n\tb   from t -- why\nwhere x = 'a  b'\r\n /* sorted */ order by 1 ;").ShouldBe(expected);
        Normalized("select a, b from t where x = 'a  b' order by 1;\n").ShouldBe(expected);
        expected.ShouldBe("select a, b from t where x = 'a  b' order by 1");
    }

    [Fact]
    public void Normalization_keeps_what_changes_the_meaning()
    {
        Normalized("select 'a  b'").ShouldNotBe(Normalized("select 'a b'"));
        Normalized("select \"A\"").ShouldNotBe(Normalized("select \"a\""));
        Normalized("select $$x  y$$").ShouldNotBe(Normalized("select $$x y$$"));
        Normalized("select 1 - -1").ShouldBe("select 1 - -1");
        Normalized("select 1 --1\n").ShouldBe("select 1");
        Normalized("select a/**/b").ShouldBe("select a b");
        Normalized("select x::int").ShouldBe("select x::int");
    }

    [Fact]
    public void The_statement_text_drops_outer_comments_and_the_semicolon_but_keeps_inner_ones()
    {
        Statements("/* lead */ select 1 /* keep */ + 2 ; -- trail").ShouldBe(["select 1 /* keep */ + 2"]);
    }
}
