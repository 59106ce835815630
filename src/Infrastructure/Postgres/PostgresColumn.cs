using System.Collections;
using System.Globalization;
using System.Text;
using Kurobe.Application.Common.Errors;
using Kurobe.Plugins.Abstractions;
using Npgsql;
using Npgsql.PostgresTypes;
using NpgsqlTypes;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>A result column's description and how to read its values as the wire-ready CLR values of a row batch.</summary>
internal sealed class PostgresColumn
{
    private readonly Func<NpgsqlDataReader, int, object?> _read;

    private PostgresColumn(ResultColumn description, Func<NpgsqlDataReader, int, object?> read, bool isText)
    {
        Description = description;
        _read = read;
        IsText = isText;
    }

    public ResultColumn Description { get; }

    /// <summary>
    /// True for types without a closer mapping (composites, geometry, network addresses, ranges, extension types):
    /// their values are fetched in PostgreSQL's text format and arrive as that text.
    /// </summary>
    public bool IsText { get; }

    public object? Read(NpgsqlDataReader reader, int ordinal)
    {
        try
        {
            return reader.IsDBNull(ordinal) ? null : _read(reader, ordinal);
        }
        catch (Exception exception) when (exception is InvalidCastException or OverflowException or InvalidOperationException)
        {
            // For example a timestamp beyond year 9999, which DateTime cannot hold.
            throw new QueryFailedException(
                $"A value in column '{Description.Name}' ({Description.SqlType}) is outside what Kurobe can represent.", exception);
        }
    }

    public static IReadOnlyList<PostgresColumn> Describe(NpgsqlDataReader reader)
    {
        var columns = new PostgresColumn[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var type = reader.GetPostgresType(i);
            var name = reader.GetName(i);
            var sqlType = SqlTypeName(reader.GetDataTypeName(i));
            var typed = ReaderFor(type);
            columns[i] = typed is null
                ? new PostgresColumn(new ResultColumn(name, sqlType, ValueKind.Unknown), static (r, i) => r.GetFieldValue<string>(i), isText: true)
                : new PostgresColumn(new ResultColumn(name, sqlType, PostgresTypes.KindOf(type.InternalName, CategoryOf(type))), typed, isText: false);
        }

        return columns;
    }

    /// <summary>Npgsql spells modifiers <c>numeric(10, 2)</c>; <c>format_type</c>, and so the schema, <c>numeric(10,2)</c>.</summary>
    private static string SqlTypeName(string dataTypeName) => dataTypeName.Replace(", ", ",", StringComparison.Ordinal);

    private static char CategoryOf(PostgresType type) => type switch
    {
        PostgresArrayType => 'A',
        PostgresEnumType => 'E',
        PostgresDomainType domain => CategoryOf(domain.BaseType),
        _ => '\0',
    };

    private static Func<NpgsqlDataReader, int, object?>? ReaderFor(PostgresType type) => type switch
    {
        PostgresDomainType domain => ReaderFor(domain.BaseType),
        PostgresEnumType => static (r, i) => r.GetFieldValue<string>(i),
        PostgresArrayType array => ArrayReaderFor(array.Element),
        _ => type.InternalName switch
        {
            "bool" => static (r, i) => r.GetBoolean(i),
            "int2" => static (r, i) => r.GetInt16(i),
            "int4" => static (r, i) => r.GetInt32(i),
            "int8" => static (r, i) => r.GetInt64(i),
            "float4" => static (r, i) => r.GetFloat(i),
            "float8" => static (r, i) => r.GetDouble(i),
            "numeric" => ReadNumeric,
            "money" => static (r, i) => r.GetDecimal(i),
            "text" or "varchar" or "bpchar" or "name" or "char" or "citext" or "json" or "jsonb" or "jsonpath" or "xml" or "ltree"
                => static (r, i) => r.GetFieldValue<string>(i),
            "bit" or "varbit" => static (r, i) => Bits(r.GetFieldValue<BitArray>(i)),
            "date" => static (r, i) => r.GetFieldValue<DateOnly>(i),
            "timestamp" => static (r, i) => DateTime.SpecifyKind(r.GetFieldValue<DateTime>(i), DateTimeKind.Unspecified),
            "timestamptz" => static (r, i) => r.GetFieldValue<DateTimeOffset>(i).ToUniversalTime(),
            "time" => static (r, i) => r.GetFieldValue<TimeOnly>(i),
            "timetz" => static (r, i) => TimeWithOffset(r.GetFieldValue<DateTimeOffset>(i)),
            "interval" => static (r, i) => Interval(r.GetFieldValue<NpgsqlInterval>(i)),
            "uuid" => static (r, i) => r.GetGuid(i),
            "bytea" => static (r, i) => r.GetFieldValue<byte[]>(i),
            "hstore" => static (r, i) => r.GetFieldValue<Dictionary<string, string?>>(i),
            _ => null,
        },
    };

    private static Func<NpgsqlDataReader, int, object?>? ArrayReaderFor(PostgresType element) => element switch
    {
        PostgresDomainType domain => ArrayReaderFor(domain.BaseType),
        PostgresEnumType => static (r, i) => ReadArray<string>(r, i, static v => v),
        _ => element.InternalName switch
        {
            "bool" => static (r, i) => ReadStructArray<bool>(r, i, static v => v),
            "int2" => static (r, i) => ReadStructArray<short>(r, i, static v => v),
            "int4" => static (r, i) => ReadStructArray<int>(r, i, static v => v),
            "int8" => static (r, i) => ReadStructArray<long>(r, i, static v => v),
            "float4" => static (r, i) => ReadStructArray<float>(r, i, static v => v),
            "float8" => static (r, i) => ReadStructArray<double>(r, i, static v => v),
            "numeric" => ReadNumericArray,
            "text" or "varchar" or "bpchar" or "name" or "citext" or "json" or "jsonb" or "xml"
                => static (r, i) => ReadArray<string>(r, i, static v => v),
            "date" => static (r, i) => ReadStructArray<DateOnly>(r, i, static v => v),
            "timestamp" => static (r, i) => ReadStructArray<DateTime>(r, i, static v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified)),
            "timestamptz" => static (r, i) => ReadStructArray<DateTimeOffset>(r, i, static v => v.ToUniversalTime()),
            "time" => static (r, i) => ReadStructArray<TimeOnly>(r, i, static v => v),
            "interval" => static (r, i) => ReadStructArray<NpgsqlInterval>(r, i, Interval),
            "uuid" => static (r, i) => ReadStructArray<Guid>(r, i, static v => v),
            "bytea" => static (r, i) => ReadArray<byte[]>(r, i, static v => v),
            _ => null,
        },
    };

    // One-dimensional arrays read typed; multi-dimensional ones (which the typed read refuses) become nested lists.
    private static object ReadStructArray<T>(NpgsqlDataReader reader, int ordinal, Func<T, object?> map)
        where T : struct
    {
        try
        {
            return reader.GetFieldValue<T?[]>(ordinal).Select(v => v is { } value ? map(value) : null).ToList();
        }
        catch (InvalidCastException)
        {
            return ToList(reader.GetValue(ordinal), v => v is T value ? map(value) : TextOf(v)) ?? new List<object?>();
        }
    }

    private static object ReadArray<T>(NpgsqlDataReader reader, int ordinal, Func<T, object?> map)
        where T : class
    {
        try
        {
            return reader.GetFieldValue<T?[]>(ordinal).Select(v => v is null ? null : map(v)).ToList();
        }
        catch (InvalidCastException)
        {
            return ToList(reader.GetValue(ordinal), v => v is T value ? map(value) : TextOf(v)) ?? new List<object?>();
        }
    }

    private static object ReadNumericArray(NpgsqlDataReader reader, int ordinal)
    {
        try
        {
            return ReadStructArray<decimal>(reader, ordinal, static v => v);
        }
        catch (Exception exception) when (exception is InvalidCastException or OverflowException)
        {
            using var stream = reader.GetStream(ordinal);
            return PostgresNumeric.ReadArray(stream);
        }
    }

    private static object? ToList(object? value, Func<object, object?> leaf) => value switch
    {
        null or DBNull => null,
        Array { Rank: > 1 } array => Nest(array, 0, new int[array.Rank], leaf),
        Array array => array.Cast<object?>().Select(v => ToList(v, leaf)).ToList(),
        _ => leaf(value),
    };

    private static List<object?> Nest(Array array, int dimension, int[] indices, Func<object, object?> leaf)
    {
        var list = new List<object?>();
        for (var i = array.GetLowerBound(dimension); i <= array.GetUpperBound(dimension); i++)
        {
            indices[dimension] = i;
            list.Add(dimension == array.Rank - 1 ? ToList(array.GetValue(indices), leaf) : Nest(array, dimension + 1, indices, leaf));
        }

        return list;
    }

    // decimal holds 28 significant digits; NaN, the infinities and longer values arrive as PostgreSQL's exact text.
    private static object ReadNumeric(NpgsqlDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetDecimal(ordinal);
        }
        catch (Exception exception) when (exception is InvalidCastException or OverflowException)
        {
            using var stream = reader.GetStream(ordinal);
            return PostgresNumeric.ReadText(stream);
        }
    }

    // TIME WITH TIME ZONE has no CLR type of its own; its ISO-8601 text keeps both the time and the offset.
    private static string TimeWithOffset(DateTimeOffset value) => value.ToString("HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// An interval without months is an exact duration (a day counts 24 hours, as DuckDB's do); one with months has
    /// no fixed length and keeps PostgreSQL's ISO-8601 form, for example <c>P1Y2M3DT4H</c>.
    /// </summary>
    private static object Interval(NpgsqlInterval value)
    {
        if (value.Months == 0)
        {
            return TimeSpan.FromDays(value.Days) + TimeSpan.FromMicroseconds(value.Time);
        }

        var text = new StringBuilder("P");
        Append(text, value.Months / 12, 'Y');
        Append(text, value.Months % 12, 'M');
        Append(text, value.Days, 'D');
        if (value.Time != 0)
        {
            text.Append('T');
            var time = TimeSpan.FromMicroseconds(value.Time);
            Append(text, (long)time.TotalHours, 'H');
            Append(text, time.Minutes, 'M');
            var seconds = time.Seconds + (time.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond);
            if (seconds != 0)
            {
                text.Append(seconds.ToString("0.######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void Append(StringBuilder text, long amount, char unit)
    {
        if (amount != 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static string Bits(BitArray bits)
    {
        var text = new StringBuilder(bits.Length);
        for (var i = 0; i < bits.Length; i++)
        {
            text.Append(bits[i] ? '1' : '0');
        }

        return text.ToString();
    }

    private static string TextOf(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
