using System.Globalization;
using Kurobe.Application.Common.Errors;

namespace Kurobe.Infrastructure.Sql;

/// <summary>The checks and reasons every gate shares, so users read the same sentence whichever engine refused.</summary>
internal static class SqlGateRules
{
    /// <summary>The one statement of the SQL, or a refusal when there are none or several.</summary>
    public static SqlStatementTokens SingleStatement(string sql, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var statements = SqlTokenizer.SplitStatements(sql, dialect);
        return statements.Count switch
        {
            0 => throw new SqlNotAllowedException("There is no SQL statement to run."),
            1 => statements[0],
            _ => throw new SqlNotAllowedException(MultipleStatementsReason(statements.Count)),
        };
    }

    public static string MultipleStatementsReason(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"Only a single read-only SELECT statement may run; found {count} statements.");

    public static string OnlySelectReason(string? leadingWord) =>
        leadingWord is null
            ? "Only a single read-only SELECT statement may run."
            : $"Only a single read-only SELECT statement may run; found {leadingWord.ToUpperInvariant()}.";

    public static string WriteReason(string word) =>
        $"Writing statements are not allowed (found {word.ToUpperInvariant()}). A column with that name must be written in double quotes.";
}
