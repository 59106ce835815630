using Kurobe.Plugins.Abstractions;
using Npgsql;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>
/// Reads the tables, views, materialized views and foreign tables the connecting role may select from, in one
/// round trip. Partitions are left out (their parent lists the rows), and so are columns the role cannot read.
/// </summary>
internal static class PostgresSchemaReader
{
    // Domains are described by their base type's kind; reltuples is -1 until a table is first analyzed.
    private const string Sql = """
        SELECT n.nspname, c.relname, c.relkind IN ('v', 'm'),
               CASE WHEN c.relkind <> 'v' AND c.reltuples >= 0 THEN c.reltuples::bigint END,
               obj_description(c.oid, 'pg_class'),
               a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, col_description(c.oid, a.attnum),
               bt.typname, bt.typcategory
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attribute a
               ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND has_column_privilege(c.oid, a.attnum, 'SELECT')
        LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname !~ '^pg_(toast|temp_)'
          AND has_schema_privilege(n.oid, 'USAGE')
          AND has_any_column_privilege(c.oid, 'SELECT')
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    public static async Task<DatabaseSchema> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<TableSchema>();
        List<ColumnSchema>? columns = null;
        (string Schema, string Name)? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (current != key)
            {
                current = key;
                columns = [];
                tables.Add(new TableSchema(
                    key.Item1,
                    key.Item2,
                    reader.GetBoolean(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    NullIfEmpty(reader, 4),
                    columns));
            }

            if (!reader.IsDBNull(5))
            {
                var kind = PostgresTypes.KindOf(reader.GetString(9), reader.GetChar(10));
                columns!.Add(new ColumnSchema(reader.GetString(5), reader.GetString(6), kind, !reader.GetBoolean(7), NullIfEmpty(reader, 8)));
            }
        }

        return new DatabaseSchema(tables);
    }

    private static string? NullIfEmpty(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) || reader.GetString(ordinal).Length == 0 ? null : reader.GetString(ordinal);
}
