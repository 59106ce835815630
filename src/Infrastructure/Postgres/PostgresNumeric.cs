using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>
/// Decodes PostgreSQL's binary <c>numeric</c> format (base-10000 digits) to exact text, for the values
/// <see cref="decimal"/> cannot hold: NaN, the infinities and more than 28 significant digits.
/// </summary>
internal static class PostgresNumeric
{
    private const ushort Negative = 0x4000;
    private const ushort NaN = 0xC000;
    private const ushort PositiveInfinity = 0xD000;
    private const ushort NegativeInfinity = 0xF000;

    public static string ReadText(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Decode(copy.ToArray());
    }

    /// <summary>A binary numeric array, as nested lists of decimals where they fit and text where they do not.</summary>
    public static List<object?> ReadArray(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray().AsSpan();
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (dimensions == 0)
        {
            return [];
        }

        var lengths = new int[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            lengths[d] = BinaryPrimitives.ReadInt32BigEndian(bytes[(12 + (8 * d))..]);
        }

        var position = 12 + (8 * dimensions);
        return ReadDimension(bytes, lengths, 0, ref position);
    }

    private static List<object?> ReadDimension(ReadOnlySpan<byte> bytes, int[] lengths, int dimension, ref int position)
    {
        var list = new List<object?>(lengths[dimension]);
        for (var i = 0; i < lengths[dimension]; i++)
        {
            if (dimension < lengths.Length - 1)
            {
                list.Add(ReadDimension(bytes, lengths, dimension + 1, ref position));
                continue;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(bytes[position..]);
            position += 4;
            if (length < 0)
            {
                list.Add(null);
                continue;
            }

            var text = Decode(bytes.Slice(position, length));
            position += length;
            list.Add(decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value.ToString(CultureInfo.InvariantCulture) == text ? value : text);
        }

        return list;
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var digitCount = BinaryPrimitives.ReadInt16BigEndian(bytes);
        var weight = BinaryPrimitives.ReadInt16BigEndian(bytes[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        var scale = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);
        switch (sign)
        {
            case NaN:
                return "NaN";
            case PositiveInfinity:
                return "Infinity";
            case NegativeInfinity:
                return "-Infinity";
        }

        var digits = bytes[8..];
        var text = new StringBuilder();
        if (sign == Negative)
        {
            text.Append('-');
        }

        if (weight < 0)
        {
            text.Append('0');
        }
        else
        {
            text.Append(Digit(digits, digitCount, 0).ToString(CultureInfo.InvariantCulture));
            for (var i = 1; i <= weight; i++)
            {
                text.Append(Digit(digits, digitCount, i).ToString("D4", CultureInfo.InvariantCulture));
            }
        }

        if (scale > 0)
        {
            var fraction = new StringBuilder();
            for (var i = weight + 1; fraction.Length < scale; i++)
            {
                fraction.Append(Digit(digits, digitCount, i).ToString("D4", CultureInfo.InvariantCulture));
            }

            text.Append('.').Append(fraction, 0, scale);
        }

        return text.ToString();
    }

    private static short Digit(ReadOnlySpan<byte> digits, int count, int index) =>
        index >= 0 && index < count ? BinaryPrimitives.ReadInt16BigEndian(digits[(2 * index)..]) : (short)0;
}
