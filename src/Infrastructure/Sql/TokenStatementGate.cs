using System.Collections.Frozen;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.Sql;

/// <summary>
/// The gate for engines whose parser we cannot call in-process (PostgreSQL, Trino): decided on tokens, so strings,
/// quoted identifiers and comments never count as keywords. The rules, and why they are enough, are in
/// docs/decisions/0006-sql-statement-gate.md.
/// </summary>
internal sealed class TokenStatementGate : ISqlStatementGate
{
    private static readonly FrozenSet<string> PostgresLeadingWords = FrozenSet.Create(StringComparer.Ordinal, "select", "with", "values", "table");

    private static readonly FrozenSet<string> TrinoLeadingWords = FrozenSet.Create(StringComparer.Ordinal, "select", "with", "values");

    // Data-modifying statements that PostgreSQL lets a SELECT carry inside WITH; refused wherever they appear as words.
    private static readonly FrozenSet<string> NestedWriteWords = FrozenSet.Create(StringComparer.Ordinal, "insert", "update", "delete", "merge");

    // Statement words that no SELECT grammar can contain; refused wherever they appear as words, except as the second
    // part of a qualified name (t.start) or right after AS (an alias), so that such columns can still be read.
    private static readonly FrozenSet<string> StatementWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "truncate", "create", "alter", "drop", "grant", "revoke", "copy", "call", "do", "execute", "prepare", "deallocate",
        "listen", "notify", "unlisten", "lock", "vacuum", "analyze", "analyse", "refresh", "set", "reset", "discard",
        "attach", "detach", "install", "load", "pragma", "export", "import", "commit", "rollback", "begin", "start",
        "savepoint", "checkpoint", "cluster", "reindex", "declare", "abort");

    private static readonly FrozenSet<string> PostgresFunctions = FrozenSet.Create(
        StringComparer.Ordinal,
        "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_current_logfile", "loread", "lowrite",
        "set_config", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
        "pg_promote", "pg_switch_wal", "pg_create_restore_point", "pg_backup_start", "pg_backup_stop",
        "pg_start_backup", "pg_stop_backup", "pg_export_snapshot", "pg_import_system_collations",
        "pg_log_backend_memory_contexts", "pg_notify", "nextval", "setval", "txid_current", "pg_current_xact_id",
        "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "table_to_xml", "table_to_xmlschema",
        "table_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema", "schema_to_xml", "schema_to_xmlschema",
        "schema_to_xml_and_xmlschema", "database_to_xml", "database_to_xmlschema", "database_to_xml_and_xmlschema",
        "pg_drop_replication_slot", "pg_copy_physical_replication_slot", "pg_copy_logical_replication_slot",
        "pg_create_physical_replication_slot", "pg_create_logical_replication_slot", "pg_wal_replay_pause",
        "pg_wal_replay_resume", "pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_file_sync", "pg_logdir_ls");

    private static readonly string[] PostgresFunctionPrefixes =
        ["pg_ls_", "lo_", "dblink", "pg_advisory_", "pg_try_advisory_", "pg_logical_", "pg_replication_", "pg_stat_reset"];

    // Trino's pass-through table functions run a query string on the connector's database.
    private static readonly FrozenSet<string> TrinoFunctions = FrozenSet.Create(StringComparer.Ordinal, "query", "raw_query");

    private readonly SqlDialect _dialect;
    private readonly FrozenSet<string> _leadingWords;
    private readonly FrozenSet<string> _functions;
    private readonly string[] _functionPrefixes;

    public TokenStatementGate(DataSourceKind kind)
    {
        Kind = kind;
        (_dialect, _leadingWords, _functions, _functionPrefixes) = kind switch
        {
            DataSourceKind.Postgres => (SqlDialect.PostgreSql, PostgresLeadingWords, PostgresFunctions, PostgresFunctionPrefixes),
            DataSourceKind.Trino => (SqlDialect.Trino, TrinoLeadingWords, TrinoFunctions, Array.Empty<string>()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The token gate serves PostgreSQL and Trino."),
        };
    }

    public DataSourceKind Kind { get; }

    public ValueTask<GatedStatement> CheckAsync(string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statement = SqlGateRules.SingleStatement(sql, _dialect);
        Check(statement.Tokens);
        return ValueTask.FromResult(new GatedStatement(statement.Text, statement.Normalized));
    }

    private void Check(IReadOnlyList<SqlToken> tokens)
    {
        var first = tokens.FirstOrDefault(t => !t.IsSymbol('('));
        var leadingWord = first.Kind == SqlTokenKind.Word ? first.Value : null;
        if (leadingWord is null || !_leadingWords.Contains(leadingWord))
        {
            throw new SqlNotAllowedException(SqlGateRules.OnlySelectReason(leadingWord));
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (_dialect == SqlDialect.PostgreSql && token.Kind == SqlTokenKind.String && token.Value.StartsWith('\'')
                && token.Value.Contains("\\'", StringComparison.Ordinal))
            {
                // With standard_conforming_strings off the server would end this string elsewhere than we did.
                throw new SqlNotAllowedException("A backslash before a quote in a string is ambiguous; write the quote as '' or use an E'...' string.");
            }

            if (token.Kind == SqlTokenKind.QuotedIdentifier && NextIs(tokens, i, '('))
            {
                CheckFunction(token.Value.ToLowerInvariant());
                continue;
            }

            if (token.Kind == SqlTokenKind.Word && token.Value == "uescape" && i > 0 && tokens[i - 1].Kind == SqlTokenKind.QuotedIdentifier)
            {
                throw new SqlNotAllowedException("Identifiers with a custom UESCAPE character are not allowed.");
            }

            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            if (NextIs(tokens, i, '('))
            {
                CheckFunction(token.Value);
            }

            if (IsQualifiedOrAlias(tokens, i))
            {
                continue;
            }

            if (token.Value == "into")
            {
                throw new SqlNotAllowedException("SELECT ... INTO creates a table and is not allowed.");
            }

            if (token.Value == "for" && IsLockingClause(tokens, i + 1))
            {
                throw new SqlNotAllowedException("Locking clauses (FOR UPDATE, FOR SHARE) are not allowed.");
            }

            if (NestedWriteWords.Contains(token.Value) || StatementWords.Contains(token.Value))
            {
                throw new SqlNotAllowedException(SqlGateRules.WriteReason(token.Value));
            }
        }
    }

    private void CheckFunction(string name)
    {
        if (_functions.Contains(name) || _functionPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            throw new SqlNotAllowedException($"The function {name} is not allowed.");
        }
    }

    private static bool NextIs(IReadOnlyList<SqlToken> tokens, int i, char symbol) => i + 1 < tokens.Count && tokens[i + 1].IsSymbol(symbol);

    private static bool IsQualifiedOrAlias(IReadOnlyList<SqlToken> tokens, int i) =>
        i > 0 && (tokens[i - 1].IsSymbol('.') || tokens[i - 1].IsWord("as"));

    private static bool IsLockingClause(IReadOnlyList<SqlToken> tokens, int i) =>
        i < tokens.Count && tokens[i].Kind == SqlTokenKind.Word && tokens[i].Value is "update" or "share" or "no" or "key";
}
