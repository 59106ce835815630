using System.Collections;
using System.Data;
using System.Globalization;
using DuckDB.NET.Data;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.DuckDb;

/// <summary>A result column's description and how to read its values as the wire-ready CLR values of a row batch.</summary>
internal sealed class DuckDbColumn
{
    private readonly Func<DuckDBDataReader, int, object?> _read;

    private DuckDbColumn(ResultColumn description, Func<DuckDBDataReader, int, object?> read)
    {
        Description = description;
        _read = read;
    }

    public ResultColumn Description { get; }

    public object? Read(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : _read(reader, ordinal);

    public static IReadOnlyList<DuckDbColumn> Describe(DuckDBDataReader reader)
    {
        var schema = reader.GetSchemaTable();
        var columns = new DuckDbColumn[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Describe(reader, i, schema.Rows[i]);
        }

        return columns;
    }

    private static DuckDbColumn Describe(DuckDBDataReader reader, int ordinal, DataRow schemaRow)
    {
        var name = reader.GetName(ordinal);
        var engineType = reader.GetDataTypeName(ordinal);
        return engineType switch
        {
            "Boolean" => Of(name, "BOOLEAN", ValueKind.Boolean, Value),
            "TinyInt" => Of(name, "TINYINT", ValueKind.Integer, Value),
            "SmallInt" => Of(name, "SMALLINT", ValueKind.Integer, Value),
            "Integer" => Of(name, "INTEGER", ValueKind.Integer, Value),
            "BigInt" => Of(name, "BIGINT", ValueKind.Integer, Value),
            "HugeInt" => Of(name, "HUGEINT", ValueKind.Integer, Value),
            "UnsignedTinyInt" => Of(name, "UTINYINT", ValueKind.Integer, Value),
            "UnsignedSmallInt" => Of(name, "USMALLINT", ValueKind.Integer, Value),
            "UnsignedInteger" => Of(name, "UINTEGER", ValueKind.Integer, Value),
            "UnsignedBigInt" => Of(name, "UBIGINT", ValueKind.Integer, Value),
            "UnsignedHugeInt" => Of(name, "UHUGEINT", ValueKind.Integer, Value),
            "Decimal" => Of(name, DecimalTypeName(schemaRow), ValueKind.Decimal, (r, i) => r.GetDecimal(i)),
            "Float" => Of(name, "FLOAT", ValueKind.Float, Value),
            "Double" => Of(name, "DOUBLE", ValueKind.Float, Value),
            "Varchar" => Of(name, "VARCHAR", ValueKind.Text, (r, i) => r.GetString(i)),
            "Enum" => Of(name, "ENUM", ValueKind.Text, (r, i) => r.GetString(i)),
            "Bit" => Of(name, "BIT", ValueKind.Text, (r, i) => r.GetString(i)),
            "Date" => Of(name, "DATE", ValueKind.Date, (r, i) => r.GetFieldValue<DateOnly>(i)),
            "Timestamp" => Of(name, "TIMESTAMP", ValueKind.Timestamp, (r, i) => r.GetDateTime(i)),
            "TimestampS" => Of(name, "TIMESTAMP_S", ValueKind.Timestamp, (r, i) => r.GetDateTime(i)),
            "TimestampMs" => Of(name, "TIMESTAMP_MS", ValueKind.Timestamp, (r, i) => r.GetDateTime(i)),
            "TimestampNs" => Of(name, "TIMESTAMP_NS", ValueKind.Timestamp, (r, i) => r.GetDateTime(i)),
            "TimestampTz" => Of(name, "TIMESTAMP WITH TIME ZONE", ValueKind.TimestampWithTimeZone, ReadInstant),
            "Time" => Of(name, "TIME", ValueKind.Time, (r, i) => r.GetFieldValue<TimeOnly>(i)),
            "TimeTz" => Of(name, "TIME WITH TIME ZONE", ValueKind.Time, ReadTimeWithOffset),
            "Interval" => Of(name, "INTERVAL", ValueKind.Interval, Value),
            "Uuid" => Of(name, "UUID", ValueKind.Uuid, (r, i) => r.GetGuid(i)),
            "Blob" => Of(name, "BLOB", ValueKind.Binary, ReadBytes),
            "List" or "Array" => Of(name, engineType.ToUpperInvariant(), ValueKind.List, Value),
            "Struct" or "Union" => Of(name, engineType.ToUpperInvariant(), ValueKind.Struct, Value),
            "Map" => Of(name, "MAP", ValueKind.Map, Value),
            _ => Of(name, engineType.ToUpperInvariant(), ValueKind.Unknown, (r, i) => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)),
        };
    }

    private static DuckDbColumn Of(string name, string sqlType, ValueKind kind, Func<DuckDBDataReader, int, object?> read) =>
        new(new ResultColumn(name, sqlType, kind), read);

    private static object? Value(DuckDBDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DBNull => null,
        IDictionary dictionary => dictionary,
        IList list => list,
        var value => value,
    };

    private static object ReadInstant(DuckDBDataReader reader, int ordinal) =>
        new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    // TIME WITH TIME ZONE has no CLR type of its own; its ISO-8601 text keeps both the time and the offset.
    private static object ReadTimeWithOffset(DuckDBDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal).ToString("HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static object ReadBytes(DuckDBDataReader reader, int ordinal)
    {
        using var stream = reader.GetStream(ordinal);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string DecimalTypeName(DataRow schemaRow) =>
        schemaRow["NumericPrecision"] is DBNull || schemaRow["NumericScale"] is DBNull
            ? "DECIMAL"
            : string.Create(CultureInfo.InvariantCulture, $"DECIMAL({schemaRow["NumericPrecision"]},{schemaRow["NumericScale"]})");
}
