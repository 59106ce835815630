using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.Trino;

/// <summary>
/// A Trino type parsed from its type string (<c>decimal(10,2)</c>, <c>timestamp(3) with time zone</c>,
/// <c>map(varchar, array(row(a bigint, b double)))</c>), and how to turn its JSON encoding into the wire-ready CLR
/// values of a row batch. Values that do not fit a CLR type (a decimal of 38 digits, a year beyond 9999) stay text.
/// </summary>
internal sealed class TrinoType
{
    // The first word of a type, used to tell "name type" row fields from anonymous ones such as "interval day to second".
    private static readonly HashSet<string> KnownBaseTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "boolean", "tinyint", "smallint", "integer", "int", "bigint", "real", "double", "decimal", "varchar", "char",
        "varbinary", "json", "date", "time", "timestamp", "interval", "array", "map", "row", "uuid", "ipaddress",
        "hyperloglog", "p4hyperloglog", "qdigest", "tdigest", "setdigest", "geometry", "sphericalgeography", "color",
        "bingtile", "kdbtree", "unknown",
    };

    private readonly Func<TrinoType, JsonValueReader> _createReader;
    private JsonValueReader? _reader;

    private TrinoType(string signature, string baseName, ValueKind kind, IReadOnlyList<TrinoType> elements, IReadOnlyList<string> fieldNames, Func<TrinoType, JsonValueReader> createReader)
    {
        Signature = signature;
        BaseName = baseName;
        Kind = kind;
        Elements = elements;
        FieldNames = fieldNames;
        _createReader = createReader;
    }

    internal delegate object? JsonValueReader(ref Utf8JsonReader reader);

    /// <summary>Trino's own type string, as the column reported it.</summary>
    public string Signature { get; }

    /// <summary>The lower-case base name: <c>decimal</c>, <c>timestamp with time zone</c>, <c>array</c>.</summary>
    public string BaseName { get; }

    public ValueKind Kind { get; }

    /// <summary>Element types: one for arrays, key and value for maps, the fields of a row.</summary>
    public IReadOnlyList<TrinoType> Elements { get; }

    /// <summary>The field names of a row type (<c>field0</c>, <c>field1</c>, ... for anonymous fields).</summary>
    public IReadOnlyList<string> FieldNames { get; }

    public static TrinoType Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        try
        {
            var position = 0;
            var type = ParseType(signature, ref position);
            SkipSpaces(signature, ref position);
            return position == signature.Length ? type : Opaque(signature);
        }
        catch (FormatException)
        {
            return Opaque(signature);
        }
    }

    /// <summary>Reads the value at the reader's current token (a complete value must be in the buffer).</summary>
    public object? ReadValue(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : (_reader ??= _createReader(this))(ref reader);

    private static TrinoType ParseType(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        var name = ReadWord(text, ref position).ToLowerInvariant();
        if (name.Length == 0)
        {
            throw new FormatException($"Expected a type at position {position}.");
        }

        var arguments = new List<(string? FieldName, string Text, TrinoType? Type)>();
        if (Peek(text, position) == '(')
        {
            position++;
            do
            {
                SkipSpaces(text, ref position);
                arguments.Add(ParseArgument(text, ref position, isRow: name == "row"));
                SkipSpaces(text, ref position);
            }
            while (TryConsume(text, ref position, ','));

            if (!TryConsume(text, ref position, ')'))
            {
                throw new FormatException($"Expected ')' at position {position}.");
            }
        }

        // Trailing words: "with time zone", "day to second", "precision".
        var suffix = new List<string>();
        while (true)
        {
            var save = position;
            SkipSpaces(text, ref position);
            var word = ReadWord(text, ref position);
            if (word.Length == 0)
            {
                position = save;
                break;
            }

            suffix.Add(word.ToLowerInvariant());
        }

        var signature = text[start..position].Trim();
        var baseName = suffix.Count == 0 ? name : $"{name} {string.Join(' ', suffix)}";
        var types = arguments.Where(a => a.Type is not null).Select(a => a.Type!).ToList();
        return Create(signature, baseName, arguments, types);
    }

    private static (string? FieldName, string Text, TrinoType? Type) ParseArgument(string text, ref int position, bool isRow)
    {
        if (char.IsAsciiDigit(Peek(text, position)))
        {
            var start = position;
            while (char.IsAsciiDigit(Peek(text, position)))
            {
                position++;
            }

            return (null, text[start..position], null);
        }

        string? fieldName = null;
        if (isRow)
        {
            if (Peek(text, position) == '"')
            {
                fieldName = ReadQuoted(text, ref position);
            }
            else
            {
                var save = position;
                var first = ReadWord(text, ref position);
                var afterFirst = position;
                SkipSpaces(text, ref position);
                var lookahead = position;
                var second = ReadWord(text, ref lookahead);
                if (afterFirst < position && KnownBaseTypes.Contains(second))
                {
                    fieldName = first;
                }
                else
                {
                    position = save;
                }
            }
        }

        var type = ParseType(text, ref position);
        return (fieldName, type.Signature, type);
    }

    private static TrinoType Create(string signature, string baseName, List<(string? FieldName, string Text, TrinoType? Type)> arguments, List<TrinoType> types)
    {
        return baseName switch
        {
            "boolean" => Scalar(ValueKind.Boolean, ReadBoolean),
            "tinyint" => Scalar(ValueKind.Integer, (ref r) => r.TokenType == JsonTokenType.Number && r.TryGetSByte(out var v) ? v : ReadAnyAsText(ref r)),
            "smallint" => Scalar(ValueKind.Integer, (ref r) => r.TokenType == JsonTokenType.Number && r.TryGetInt16(out var v) ? v : ReadAnyAsText(ref r)),
            "integer" or "int" => Scalar(ValueKind.Integer, (ref r) => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var v) ? v : ReadAnyAsText(ref r)),
            "bigint" => Scalar(ValueKind.Integer, (ref r) => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var v) ? v : ReadAnyAsText(ref r)),
            "double" or "double precision" => Scalar(ValueKind.Float, ReadDouble),
            "real" => Scalar(ValueKind.Float, (ref r) => ReadDouble(ref r) is double d ? (float)d : null),
            "decimal" => Scalar(ValueKind.Decimal, ReadDecimal),
            "varchar" or "char" or "json" => Scalar(ValueKind.Text, ReadText),
            "varbinary" => Scalar(ValueKind.Binary, ReadBinary),
            "uuid" => Scalar(ValueKind.Uuid, (ref r) => r.TokenType == JsonTokenType.String && r.TryGetGuid(out var g) ? g : ReadText(ref r)),
            "date" => Scalar(ValueKind.Date, ReadDate),
            "time" => Scalar(ValueKind.Time, ReadTime),
            "time with time zone" => Scalar(ValueKind.Time, ReadText),
            "timestamp" or "timestamp without time zone" => Scalar(ValueKind.Timestamp, ReadTimestamp),
            "timestamp with time zone" => Scalar(ValueKind.TimestampWithTimeZone, ReadTimestampWithTimeZone),
            "interval day to second" => Scalar(ValueKind.Interval, ReadDayToSecond),
            "interval year to month" => Scalar(ValueKind.Interval, ReadText),
            "array" when types.Count == 1 => new TrinoType(signature, baseName, ValueKind.List, types, [], static t => t.ReadArray),
            "map" when types.Count == 2 => new TrinoType(signature, baseName, ValueKind.Map, types, [], static t => t.ReadMap),
            "row" when types.Count > 0 => new TrinoType(
                signature,
                baseName,
                ValueKind.Struct,
                types,
                [.. arguments.Select((a, i) => a.FieldName ?? string.Create(CultureInfo.InvariantCulture, $"field{i}"))],
                static t => t.ReadRow),
            _ => Opaque(signature, baseName),
        };

        TrinoType Scalar(ValueKind kind, JsonValueReader read) => new(signature, baseName, kind, [], [], _ => read);
    }

    private static TrinoType Opaque(string signature, string? baseName = null) =>
        new(signature, baseName ?? signature.ToLowerInvariant(), ValueKind.Unknown, [], [], static _ => ReadAnyAsText);

    private List<object?> ReadArray(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Elements[0].ReadValue(ref reader));
        }

        return list;
    }

    private Dictionary<string, object?> ReadMap(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = Elements[1].ReadValue(ref reader);
        }

        return map;
    }

    // Trino encodes rows as arrays in field order; an object form is accepted too.
    private Dictionary<string, object?> ReadRow(ref Utf8JsonReader reader)
    {
        var row = new Dictionary<string, object?>(FieldNames.Count, StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var index = IndexOfField(name);
                row[name] = index >= 0 ? Elements[index].ReadValue(ref reader) : ReadAnyAsText(ref reader);
            }

            return row;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var field = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (field < Elements.Count)
            {
                row[FieldNames[field]] = Elements[field].ReadValue(ref reader);
            }
            else
            {
                reader.Skip();
            }

            field++;
        }

        return row;
    }

    private int IndexOfField(string name)
    {
        for (var i = 0; i < FieldNames.Count; i++)
        {
            if (string.Equals(FieldNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} but found {reader.TokenType}.");
        }
    }

    private static object? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => ReadAnyAsText(ref reader),
    };

    // Trino writes NaN and the infinities as strings.
    private static object? ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        return reader.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : text,
        };
    }

    private static object? ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDecimal(out var number) ? number : ReadAnyAsText(ref reader);
        }

        // decimal holds 28 significant digits; Trino's decimal(38,s) values beyond that stay exact as text.
        var span = reader.ValueSpan;
        return !reader.ValueIsEscaped && CountDigits(span) <= 28 && Utf8Parser.TryParse(span, out decimal value, out var consumed) && consumed == span.Length
            ? value
            : reader.GetString();
    }

    private static int CountDigits(ReadOnlySpan<byte> text)
    {
        var digits = 0;
        var significant = false;
        foreach (var b in text)
        {
            if (b is >= (byte)'1' and <= (byte)'9' || (b == (byte)'0' && significant))
            {
                significant = true;
                digits++;
            }
        }

        return digits;
    }

    private static object? ReadText(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : ReadAnyAsText(ref reader);

    private static object? ReadBinary(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var bytes) ? bytes : ReadText(ref reader);

    private static object? ReadDate(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : text;
    }

    private static object? ReadTime(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        return text is not null && TimeOnly.TryParseExact(TrimFraction(text), ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : text;
    }

    private static object? ReadTimestamp(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        return text is not null && TryParseLocal(text, out var value) ? value : text;
    }

    /// <summary>
    /// Trino writes <c>2024-01-02 03:04:05.123 UTC</c>, <c>... +01:00</c> or <c>... America/New_York</c>; the value
    /// becomes the same instant in UTC. A zone this machine does not know leaves the value as text.
    /// </summary>
    private static object? ReadTimestampWithTimeZone(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        return text is not null && TryParseInstant(text, out var value) ? value : text;
    }

    internal static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        value = default;
        var space = text.LastIndexOf(' ');
        if (space <= 0 || !TryParseLocal(text[..space], out var local))
        {
            return false;
        }

        var zone = text[(space + 1)..];
        TimeSpan offset;
        if (zone is "UTC" or "Z" or "Etc/UTC" or "GMT" or "UCT" or "Zulu")
        {
            offset = TimeSpan.Zero;
        }
        else if (zone.Length > 1 && zone[0] is '+' or '-')
        {
            if (!TimeSpan.TryParseExact(zone[1..], ["hh\\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var magnitude))
            {
                return false;
            }

            offset = zone[0] == '-' ? -magnitude : magnitude;
        }
        else
        {
            try
            {
                offset = TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local);
            }
            catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return false;
            }
        }

        try
        {
            value = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryParseLocal(string text, out DateTime value) =>
        DateTime.TryParseExact(
            TrimFraction(text),
            ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value);

    // Trino's precision goes to picoseconds (12 digits); .NET keeps 7, so the rest is cut, not rounded.
    private static string TrimFraction(string text)
    {
        var dot = text.LastIndexOf('.');
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }

    /// <summary>Trino writes <c>interval day to second</c> as <c>[-]d hh:mm:ss.fff</c>.</summary>
    private static object? ReadDayToSecond(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        if (text is null)
        {
            return null;
        }

        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        return TimeSpan.TryParseExact(TrimFraction(body), ["d\\ hh\\:mm\\:ss", "d\\ hh\\:mm\\:ss\\.FFFFFFF"], CultureInfo.InvariantCulture, out var span)
            ? (negative ? -span : span)
            : text;
    }

    private static string? ReadAnyAsText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray or JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }

            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static string ReadWord(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$'))
        {
            position++;
        }

        return text[start..position];
    }

    private static string ReadQuoted(string text, ref int position)
    {
        position++;
        var builder = new System.Text.StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                if (Peek(text, position) != '"')
                {
                    return builder.ToString();
                }

                position++;
            }

            builder.Append(c);
        }

        throw new FormatException("Unterminated quoted field name.");
    }

    private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

    private static bool TryConsume(string text, ref int position, char expected)
    {
        if (Peek(text, position) != expected)
        {
            return false;
        }

        position++;
        return true;
    }
}
