using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Xml;

namespace Kurobe.Application.Querying.Encoding;

/// <summary>
/// Writes result values as JSON without reflection: numbers as JSON numbers, dates, times and timestamps as ISO-8601
/// strings, intervals as ISO-8601 durations, bytes as base64, lists as arrays and records as objects.
/// </summary>
public static class JsonValueWriter
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                WriteFloat(writer, number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateOnly date:
                WriteFormatted(writer, date, "yyyy-MM-dd");
                break;
            case DateTime timestamp:
                WriteFormatted(writer, timestamp, timestamp.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF");
                break;
            case DateTimeOffset instant:
                WriteFormatted(writer, instant, instant.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz");
                break;
            case short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case float number:
                WriteFloat(writer, number);
                break;
            case BigInteger number:
                writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case TimeOnly time:
                WriteFormatted(writer, time, "HH:mm:ss.FFFFFFF");
                break;
            case TimeSpan duration:
                writer.WriteStringValue(XmlConvert.ToString(duration));
                break;
            case Guid id:
                writer.WriteStringValue(id);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case IDictionary record:
                WriteObject(writer, record);
                break;
            case IEnumerable items:
                WriteArray(writer, items);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    // JSON has no NaN or infinities; like PostgreSQL's to_json, they travel as strings.
    private static void WriteFloat(Utf8JsonWriter writer, double number)
    {
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteFormatted<T>(Utf8JsonWriter writer, T value, string format)
        where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[48];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteStringValue(value.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, IDictionary record)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in record)
        {
            writer.WritePropertyName(entry.Key as string ?? Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
            Write(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            Write(writer, item);
        }

        writer.WriteEndArray();
    }
}
