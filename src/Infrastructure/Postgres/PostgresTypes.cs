using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>Maps PostgreSQL types, by their internal name (<c>pg_type.typname</c>) and category, to value kinds.</summary>
internal static class PostgresTypes
{
    /// <param name="internalName">The base type's internal name, for example <c>int4</c> or <c>_text</c>.</param>
    /// <param name="category">The type's <c>pg_type.typcategory</c>: <c>A</c> for arrays, <c>E</c> for enums.</param>
    public static ValueKind KindOf(string internalName, char category) => category switch
    {
        'A' => ValueKind.List,
        'E' => ValueKind.Text,
        _ => internalName switch
        {
            "bool" => ValueKind.Boolean,
            "int2" or "int4" or "int8" => ValueKind.Integer,
            "numeric" or "money" => ValueKind.Decimal,
            "float4" or "float8" => ValueKind.Float,
            "text" or "varchar" or "bpchar" or "name" or "char" or "citext" or "json" or "jsonb" or "jsonpath" or "xml"
                or "bit" or "varbit" or "ltree" => ValueKind.Text,
            "date" => ValueKind.Date,
            "timestamp" => ValueKind.Timestamp,
            "timestamptz" => ValueKind.TimestampWithTimeZone,
            "time" or "timetz" => ValueKind.Time,
            "interval" => ValueKind.Interval,
            "uuid" => ValueKind.Uuid,
            "bytea" => ValueKind.Binary,
            "hstore" => ValueKind.Map,
            _ => ValueKind.Unknown,
        },
    };
}
