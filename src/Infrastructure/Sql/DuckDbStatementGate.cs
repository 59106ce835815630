using System.Collections.Frozen;
using System.Text.Json;
using DuckDB.NET.Data;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.Sql;

/// <summary>
/// The DuckDB gate asks DuckDB's own parser: <c>json_serialize_sql</c> parses without binding or running anything and
/// serializes only SELECT statements, so every other statement kind is refused by construction. The parse tree is then
/// walked for the ways a SELECT can still reach outside the database: file-reading table functions, replacement scans
/// of file paths and URLs, and a few scalar functions.
/// </summary>
internal sealed class DuckDbStatementGate : ISqlStatementGate, IDisposable
{
    private const string ParserConnectionString =
        "Data Source=:memory:;threads=1;enable_external_access=false;autoload_known_extensions=false;" +
        "autoinstall_known_extensions=false;lock_configuration=true";

    // An allowlist: DuckDB and its extensions keep adding table functions that read files, settings or logs.
    private static readonly FrozenSet<string> AllowedTableFunctions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "range", "generate_series", "unnest", "json_each", "json_tree", "repeat", "repeat_row");

    private static readonly FrozenSet<string> RefusedScalarFunctions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "getenv", "current_setting", "which_secret", "write_log", "nextval", "setval", "json_execute_serialized_sql");

    // Built-in views that reveal server paths, settings or logs.
    private static readonly FrozenSet<string> RefusedTables = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "duckdb_databases", "pragma_database_list", "duckdb_logs", "duckdb_settings", "duckdb_secrets", "duckdb_extensions",
        "duckdb_temporary_files", "duckdb_memory");

    // Table references the walker knows; anything else is refused rather than trusted.
    private static readonly FrozenSet<string> KnownTableReferences = FrozenSet.Create(
        StringComparer.Ordinal, "BASE_TABLE", "JOIN", "SUBQUERY", "TABLE_FUNCTION", "EMPTY", "EXPRESSION_LIST", "PIVOT", "SHOW_REF");

    // DuckDB's parser stops at an expression depth of 1000; each level is a few JSON levels.
    private static readonly JsonDocumentOptions TreeOptions = new() { MaxDepth = 16_384 };

    private readonly Lock _lock = new();
    private DuckDBConnection? _connection;
    private bool _disposed;

    public DataSourceKind Kind => DataSourceKind.DuckDb;

    public ValueTask<GatedStatement> CheckAsync(string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statement = SqlGateRules.SingleStatement(sql, SqlDialect.DuckDb);
        using var tree = JsonDocument.Parse(Serialize(statement.Text), TreeOptions);
        var root = tree.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            throw new SqlNotAllowedException(ErrorReason(root, statement));
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw new SqlNotAllowedException(SqlGateRules.MultipleStatementsReason(statements.GetArrayLength()));
        }

        Walk(statements[0]);
        return ValueTask.FromResult(new GatedStatement(statement.Text, statement.Normalized));
    }

    private string Serialize(string sql)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _connection ??= OpenParser();
            using var command = _connection.CreateCommand();
            // The SQL is a bound parameter: it is parsed as data by json_serialize_sql, never executed.
            command.CommandText = "SELECT json_serialize_sql(CAST($1 AS VARCHAR))";
            command.Parameters.Add(new DuckDBParameter(sql));
            return command.ExecuteScalar() as string
                ?? throw new InvalidOperationException("json_serialize_sql returned no result.");
        }
    }

    private static DuckDBConnection OpenParser()
    {
        var connection = new DuckDBConnection(ParserConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string ErrorReason(JsonElement root, SqlStatementTokens statement)
    {
        var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
        var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
        if (type == "parser" && message is not null)
        {
            return $"The SQL could not be parsed: {message}";
        }

        // "Only SELECT statements can be serialized to json!": COPY, SET, PRAGMA, ATTACH, INSTALL, DDL, DML, ...
        var first = statement.Tokens[0];
        return SqlGateRules.OnlySelectReason(first.Kind == SqlTokenKind.Word ? first.Value : null);
    }

    /// <summary>Visits every object in the tree; iterative, because a long chain of operators nests deeply.</summary>
    private static void Walk(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        while (pending.TryPop(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        pending.Push(item);
                    }

                    break;
                case JsonValueKind.Object:
                    CheckNode(element);
                    foreach (var property in element.EnumerateObject())
                    {
                        pending.Push(property.Value);
                    }

                    break;
            }
        }
    }

    private static void CheckNode(JsonElement node)
    {
        if (node.TryGetProperty("function_name", out var functionName) && functionName.ValueKind == JsonValueKind.String
            && RefusedScalarFunctions.Contains(functionName.GetString()!))
        {
            throw new SqlNotAllowedException($"The function {functionName.GetString()} is not allowed.");
        }

        // Table references are the objects with a type, an alias and a sample: expressions have a class, and query
        // nodes (which also have a sample) have no alias.
        if (node.TryGetProperty("class", out _) || !node.TryGetProperty("sample", out _) || !node.TryGetProperty("alias", out _)
            || !node.TryGetProperty("type", out var typeProperty) || typeProperty.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var type = typeProperty.GetString()!;
        if (!KnownTableReferences.Contains(type))
        {
            throw new SqlNotAllowedException($"The query uses a kind of table reference the sandbox does not know ({type}).");
        }

        switch (type)
        {
            case "TABLE_FUNCTION":
                var name = node.GetProperty("function").GetProperty("function_name").GetString() ?? "";
                if (!AllowedTableFunctions.Contains(name))
                {
                    throw new SqlNotAllowedException($"The table function {name} is not allowed.");
                }

                break;
            case "BASE_TABLE":
            case "SHOW_REF":
                CheckTableName(node.GetProperty("table_name").GetString() ?? "");
                break;
        }
    }

    private static void CheckTableName(string name)
    {
        if (name.Length > 1 && name[0] == '"' && name[^1] == '"')
        {
            name = name[1..^1];
        }

        // DuckDB's replacement scans turn FROM 'data.csv' or FROM 'https://...' into a file read. Real table names with
        // these characters are rare enough to refuse.
        if (name.AsSpan().IndexOfAny("/\\:.~") >= 0)
        {
            throw new SqlNotAllowedException($"Reading files or URLs is not allowed (found '{name}').");
        }

        if (RefusedTables.Contains(name))
        {
            throw new SqlNotAllowedException($"The system view {name} is not allowed.");
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
    }
}
