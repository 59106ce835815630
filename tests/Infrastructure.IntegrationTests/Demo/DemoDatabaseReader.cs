using System.Globalization;
using DuckDB.NET.Data;

namespace Kurobe.Infrastructure.IntegrationTests.Demo;

/// <summary>Read-only access to a built demo database for assertions.</summary>
public sealed class DemoDatabaseReader : IDisposable
{
    // Every row of every table in a fixed order: equal fingerprints mean equal content, whatever the file bytes.
    private const string ContentFingerprintSql = """
        SELECT concat_ws('/',
            (SELECT md5(string_agg(c::VARCHAR, chr(10) ORDER BY customer_id)) FROM customers c),
            (SELECT md5(string_agg(p::VARCHAR, chr(10) ORDER BY product_id)) FROM products p),
            (SELECT md5(string_agg(o::VARCHAR, chr(10) ORDER BY order_id)) FROM orders o),
            (SELECT md5(string_agg(i::VARCHAR, chr(10) ORDER BY order_id, line_number)) FROM order_items i))
        """;

    private readonly DuckDBConnection _connection;

    private DemoDatabaseReader(DuckDBConnection connection) => _connection = connection;

    public static DemoDatabaseReader Open(string databasePath)
    {
        var connection = new DuckDBConnection(
            new DuckDBConnectionStringBuilder { DataSource = databasePath, ["access_mode"] = "READ_ONLY" }.ConnectionString);
        connection.Open();
        return new DemoDatabaseReader(connection);
    }

    public long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    public double Double(string sql) => Convert.ToDouble(Scalar(sql), CultureInfo.InvariantCulture);

    public string Text(string sql) => Convert.ToString(Scalar(sql), CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The first column of every row, as invariant strings.</summary>
    public IReadOnlyList<string> Texts(string sql) =>
        Rows(sql).Select(row => Convert.ToString(row[0], CultureInfo.InvariantCulture) ?? string.Empty).ToArray();

    /// <summary>Each row as its columns joined with " | ", as invariant strings.</summary>
    public IReadOnlyList<string> Lines(string sql) =>
        Rows(sql).Select(row => string.Join(" | ", row.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)))).ToArray();

    public IReadOnlyList<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public string ContentFingerprint() => Text(ContentFingerprintSql);

    public void Dispose() => _connection.Dispose();

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
