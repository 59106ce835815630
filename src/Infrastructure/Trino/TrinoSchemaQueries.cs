using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.Trino;

/// <summary>
/// The <c>information_schema</c> queries that describe a catalog, and how their rows become a
/// <see cref="DatabaseSchema"/>. The catalog and schema come from the server's own connection settings, quoted as
/// an identifier and a string literal.
/// </summary>
internal static class TrinoSchemaQueries
{
    public static string Tables(string catalog, string? schema) =>
        $"SELECT table_schema, table_name, table_type FROM {Identifier(catalog)}.information_schema.tables " +
        $"WHERE {SchemaFilter(schema)} ORDER BY table_schema, table_name";

    public static string Columns(string catalog, string? schema) =>
        $"SELECT table_schema, table_name, column_name, data_type, is_nullable FROM {Identifier(catalog)}.information_schema.columns " +
        $"WHERE {SchemaFilter(schema)} ORDER BY table_schema, table_name, ordinal_position";

    /// <param name="tables">Rows of <see cref="Tables"/>: schema, name, type.</param>
    /// <param name="columns">Rows of <see cref="Columns"/>: schema, table, name, type, nullable.</param>
    public static DatabaseSchema Build(string catalog, IReadOnlyList<object?[]> tables, IReadOnlyList<object?[]> columns)
    {
        var columnsByTable = columns
            .GroupBy(c => (Schema: (string?)c[0], Table: (string?)c[1]))
            .ToDictionary(g => g.Key, g => g.Select(c =>
            {
                var type = (string?)c[3] ?? "unknown";
                return new ColumnSchema((string?)c[2] ?? "", type, TrinoType.Parse(type).Kind, !string.Equals((string?)c[4], "NO", StringComparison.OrdinalIgnoreCase), null);
            }).ToList());

        var result = tables
            .Select(t => new TableSchema(
                $"{catalog}.{t[0]}",
                (string?)t[1] ?? "",
                string.Equals((string?)t[2], "VIEW", StringComparison.OrdinalIgnoreCase),
                RowEstimate: null,
                Description: null,
                columnsByTable.TryGetValue(((string?)t[0], (string?)t[1]), out var tableColumns) ? tableColumns : []))
            .OrderBy(t => t.Schema, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new DatabaseSchema(result);
    }

    private static string SchemaFilter(string? schema) =>
        schema is null ? "table_schema <> 'information_schema'" : $"table_schema = {Literal(schema)}";

    private static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
