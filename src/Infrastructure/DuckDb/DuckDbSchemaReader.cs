using DuckDB.NET.Data;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.DuckDb;

/// <summary>Reads tables, views and columns from DuckDB's own catalog functions, with row estimates and comments.</summary>
internal static class DuckDbSchemaReader
{
    private const string TablesSql = """
        SELECT schema_name, table_name, false, estimated_size, comment
        FROM duckdb_tables() WHERE NOT internal AND NOT temporary AND database_name = current_database()
        UNION ALL
        SELECT schema_name, view_name, true, NULL, comment
        FROM duckdb_views() WHERE NOT internal AND NOT temporary AND database_name = current_database()
        ORDER BY 1, 2
        """;

    private const string ColumnsSql = """
        SELECT schema_name, table_name, column_name, data_type, is_nullable, comment
        FROM duckdb_columns() WHERE NOT internal AND database_name = current_database()
        ORDER BY schema_name, table_name, column_index
        """;

    public static DatabaseSchema Read(DuckDBConnection connection)
    {
        var columns = new Dictionary<(string, string), List<ColumnSchema>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ColumnsSql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!columns.TryGetValue(key, out var list))
                {
                    columns[key] = list = [];
                }

                var type = reader.GetString(3);
                list.Add(new ColumnSchema(reader.GetString(2), type, DuckDbTypes.KindOf(type), reader.GetBoolean(4), NullIfEmpty(reader, 5)));
            }
        }

        var tables = new List<TableSchema>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = TablesSql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var schema = reader.GetString(0);
                var name = reader.GetString(1);
                tables.Add(new TableSchema(
                    schema,
                    name,
                    reader.GetBoolean(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    NullIfEmpty(reader, 4),
                    columns.GetValueOrDefault((schema, name)) ?? []));
            }
        }

        return new DatabaseSchema(tables);
    }

    private static string? NullIfEmpty(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) || reader.GetString(ordinal).Length == 0 ? null : reader.GetString(ordinal);
}
