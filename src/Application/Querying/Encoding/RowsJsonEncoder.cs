using System.Buffers;
using System.Text.Json;

namespace Kurobe.Application.Querying.Encoding;

/// <summary>
/// Encodes rows, batch by batch, into one JSON array of row arrays, stopping at a size cap on a row boundary. The
/// encoded form is what responses carry and what the result cache stores, so a cached answer is never re-encoded.
/// </summary>
public sealed class RowsJsonEncoder : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly long _maxBytes;
    private long _lastCompleteRowEnd;

    public RowsJsonEncoder(long maxBytes)
    {
        _maxBytes = maxBytes;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        _writer.WriteStartArray();
        _writer.Flush();
        _lastCompleteRowEnd = _writer.BytesCommitted;
    }

    public long RowCount { get; private set; }

    /// <summary>True once a row did not fit under the cap; it and any later rows were left out.</summary>
    public bool CapReached { get; private set; }

    /// <summary>Appends the batch's rows in order until one would pass the cap; returns how many were appended.</summary>
    public int Append(RowBatch batch)
    {
        for (var r = 0; r < batch.RowCount && !CapReached; r++)
        {
            _writer.WriteStartArray();
            foreach (var value in batch.Row(r))
            {
                JsonValueWriter.Write(_writer, value);
            }

            _writer.WriteEndArray();
            _writer.Flush();
            if (_writer.BytesCommitted + 1 > _maxBytes)
            {
                CapReached = true;
                return r;
            }

            _lastCompleteRowEnd = _writer.BytesCommitted;
            RowCount++;
        }

        return batch.RowCount;
    }

    /// <summary>The encoded array of every row that fit.</summary>
    public EncodedRows Finish()
    {
        _writer.Flush();
        var json = new byte[_lastCompleteRowEnd + 1];
        _buffer.WrittenSpan[..(int)_lastCompleteRowEnd].CopyTo(json);
        json[^1] = (byte)']';
        return new EncodedRows(json);
    }

    public void Dispose() => _writer.Dispose();
}
