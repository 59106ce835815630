namespace Kurobe.Plugins.Abstractions;

/// <summary>
/// The engine-independent kind of a result column's values: what a client needs to format, sort and chart them,
/// whatever the engine called the type.
/// </summary>
public enum ValueKind
{
    /// <summary>A type Kurobe has no closer mapping for; values arrive as strings.</summary>
    Unknown,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Whole numbers of any width, signed or unsigned.</summary>
    Integer,

    /// <summary>Exact fixed-point numbers (SQL DECIMAL / NUMERIC).</summary>
    Decimal,

    /// <summary>Binary floating-point numbers (REAL, DOUBLE).</summary>
    Float,

    /// <summary>Text, including enums, JSON text and bit strings.</summary>
    Text,

    /// <summary>A calendar date, ISO-8601 <c>yyyy-MM-dd</c> on the wire.</summary>
    Date,

    /// <summary>A date and time without a time zone, ISO-8601 on the wire.</summary>
    Timestamp,

    /// <summary>An instant in time with a zone or offset, ISO-8601 with offset on the wire.</summary>
    TimestampWithTimeZone,

    /// <summary>A time of day, ISO-8601 <c>HH:mm:ss[.fffffff]</c> on the wire.</summary>
    Time,

    /// <summary>A duration, ISO-8601 (<c>P1DT2H</c>) on the wire.</summary>
    Interval,

    /// <summary>A UUID in its canonical string form.</summary>
    Uuid,

    /// <summary>Bytes, base64 on the wire.</summary>
    Binary,

    /// <summary>An array of values.</summary>
    List,

    /// <summary>A record with named fields, an object on the wire.</summary>
    Struct,

    /// <summary>Key-value pairs.</summary>
    Map,
}
