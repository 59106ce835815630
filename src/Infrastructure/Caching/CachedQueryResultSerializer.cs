using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Kurobe.Application.Querying.Caching;
using Kurobe.Plugins.Abstractions;
using Microsoft.Extensions.Caching.Hybrid;

namespace Kurobe.Infrastructure.Caching;

/// <summary>
/// A compact binary form of <see cref="CachedQueryResult"/>: a version byte, the columns (name, SQL type, kind), the
/// row count, the truncated flag, when it was executed, then the rows' JSON bytes as they are. The rows are never
/// re-encoded, so caching a result costs one copy of its bytes.
/// </summary>
/// <remarks>
/// Layout (integers little-endian, strings as a 7-bit encoded byte length then UTF-8):
/// <c>version:u8 | columnCount:7bit | (name | sqlType | kind:7bit)* | rowCount:i64 | truncated:u8 |
/// executedAtUtcTicks:i64 | offsetMinutes:i16 | rowsJson...</c>.
/// A payload that is not of this version, or damaged, fails with <see cref="UnreadableCachedResultException"/>.
/// </remarks>
internal sealed class CachedQueryResultSerializer : IHybridCacheSerializer<CachedQueryResult>
{
    public const byte Version = 1;

    public void Serialize(CachedQueryResult value, IBufferWriter<byte> target)
    {
        var header = new ArrayBufferWriter<byte>(64 + (value.Columns.Count * 32));
        WriteByte(header, Version);
        Write7Bit(header, (uint)value.Columns.Count);
        foreach (var column in value.Columns)
        {
            WriteString(header, column.Name);
            WriteString(header, column.SqlType);
            Write7Bit(header, (uint)column.Kind);
        }

        var fixedPart = header.GetSpan(8 + 1 + 8 + 2);
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart, value.RowCount);
        fixedPart[8] = value.Truncated ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart[9..], value.ExecutedAt.UtcTicks);
        BinaryPrimitives.WriteInt16LittleEndian(fixedPart[17..], checked((short)value.ExecutedAt.Offset.TotalMinutes));
        header.Advance(19);

        target.Write(header.WrittenSpan);
        target.Write(value.RowsJson.Span);
    }

    public CachedQueryResult Deserialize(ReadOnlySequence<byte> source)
    {
        try
        {
            return Read(source);
        }
        catch (Exception exception) when (exception is not UnreadableCachedResultException)
        {
            throw new UnreadableCachedResultException($"The cached result is malformed: {exception.Message}", exception);
        }
    }

    private static CachedQueryResult Read(ReadOnlySequence<byte> source)
    {
        var reader = new SequenceReader<byte>(source);
        if (!reader.TryRead(out var version) || version != Version)
        {
            throw new UnreadableCachedResultException($"The cached result has format version {version}; this version of Kurobe reads {Version}.");
        }

        var columnCount = (int)Read7Bit(ref reader);
        var columns = new ResultColumn[columnCount];
        for (var i = 0; i < columnCount; i++)
        {
            var name = ReadString(ref reader);
            var sqlType = ReadString(ref reader);
            var kind = (ValueKind)Read7Bit(ref reader);
            columns[i] = new ResultColumn(name, sqlType, kind);
        }

        if (!reader.TryReadLittleEndian(out long rowCount)
            || !reader.TryRead(out var truncated)
            || !reader.TryReadLittleEndian(out long utcTicks)
            || !reader.TryReadLittleEndian(out short offsetMinutes))
        {
            throw new InvalidDataException("The cached result ends inside its header.");
        }

        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var executedAt = new DateTimeOffset(utcTicks + offset.Ticks, offset);

        // The source buffer is pooled by HybridCache, so the rows must be copied out of it.
        var rows = source.Slice(reader.Position).ToArray();
        return new CachedQueryResult(columns, rows, rowCount, truncated != 0, executedAt);
    }

    private static void WriteByte(ArrayBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    private static void Write7Bit(ArrayBufferWriter<byte> writer, uint value)
    {
        var span = writer.GetSpan(5);
        var written = 0;
        while (value >= 0x80)
        {
            span[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[written++] = (byte)value;
        writer.Advance(written);
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Write7Bit(writer, (uint)length);
        var span = writer.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        writer.Advance(length);
    }

    private static uint Read7Bit(ref SequenceReader<byte> reader)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (!reader.TryRead(out var b))
            {
                break;
            }

            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("The cached result has a malformed length.");
    }

    private static string ReadString(ref SequenceReader<byte> reader)
    {
        var length = (int)Read7Bit(ref reader);
        if (reader.Remaining < length)
        {
            throw new InvalidDataException("The cached result ends inside a column.");
        }

        var slice = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length);
        return Encoding.UTF8.GetString(slice);
    }
}

/// <summary>
/// A cached result this version of Kurobe cannot read: written by another version, or damaged. HybridCache lets
/// deserialization errors reach the caller, so the cache catches this one, drops the entry and runs the query.
/// </summary>
#pragma warning disable CA1032 // Only ever thrown by the serializer, with a message.
internal sealed class UnreadableCachedResultException(string message, Exception? innerException = null) : Exception(message, innerException);
#pragma warning restore CA1032
