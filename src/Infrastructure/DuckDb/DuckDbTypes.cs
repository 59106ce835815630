using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.DuckDb;

/// <summary>Maps DuckDB type names, as its catalog spells them, to value kinds.</summary>
internal static class DuckDbTypes
{
    public static ValueKind KindOf(string typeName)
    {
        var type = typeName.Trim().ToUpperInvariant();
        if (type.EndsWith(']'))
        {
            return ValueKind.List;
        }

        var open = type.IndexOf('(', StringComparison.Ordinal);
        var head = open < 0 ? type : type[..open];
        return head switch
        {
            "BOOLEAN" => ValueKind.Boolean,
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
                or "UBIGINT" or "UHUGEINT" => ValueKind.Integer,
            "DECIMAL" => ValueKind.Decimal,
            "FLOAT" or "DOUBLE" => ValueKind.Float,
            "VARCHAR" or "ENUM" or "BIT" or "JSON" => ValueKind.Text,
            "DATE" => ValueKind.Date,
            "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => ValueKind.Timestamp,
            "TIMESTAMP WITH TIME ZONE" => ValueKind.TimestampWithTimeZone,
            "TIME" or "TIME WITH TIME ZONE" => ValueKind.Time,
            "INTERVAL" => ValueKind.Interval,
            "UUID" => ValueKind.Uuid,
            "BLOB" => ValueKind.Binary,
            "STRUCT" => ValueKind.Struct,
            "MAP" => ValueKind.Map,
            _ => ValueKind.Unknown,
        };
    }
}
