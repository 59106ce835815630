using System.Text.Json;

namespace Kurobe.Infrastructure.Trino;

/// <summary>
/// One <c>QueryResults</c> document, parsed forward from the HTTP body as it arrives. Only whole units are taken
/// from the buffer (a top-level property with its value, or one row), so memory holds one row or property at a time
/// plus the read buffer, whatever the page's size, and the body is read only as far as rows are asked for.
/// Properties may come in any order: <c>nextUri</c>, <c>stats</c> and <c>error</c> after <c>data</c> are picked
/// up when the rest of the document is read.
/// </summary>
internal sealed class TrinoPage : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    // One row or property larger than this is not a page a BI query should produce; it is refused rather than buffered.
    private const int MaxBufferSize = 64 * 1024 * 1024;

    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly Func<CancellationToken, CancellationTokenSource> _readTimeout;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _readerOrigin;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private Position _position;

    private TrinoPage(HttpResponseMessage response, Stream body, Func<CancellationToken, CancellationTokenSource> readTimeout)
    {
        _response = response;
        _body = body;
        _readTimeout = readTimeout;
    }

    private enum Position
    {
        BeforeDocument,
        InDocument,
        InData,
        Done,
    }

    private enum Step
    {
        NeedMoreData,
        AtData,
        DataEnded,
        DocumentEnded,
        Filled,
    }

    public string? QueryId { get; private set; }

    public IReadOnlyList<TrinoColumn>? Columns { get; private set; }

    public Uri? NextUri { get; private set; }

    public TrinoQueryError? Error { get; private set; }

    public bool IsAtData => _position == Position.InData;

    public bool IsDone => _position == Position.Done;

    /// <param name="readTimeout">Creates the token source for one read of the body, linked to the caller's token.</param>
    public static async Task<TrinoPage> OpenAsync(HttpResponseMessage response, Func<CancellationToken, CancellationTokenSource> readTimeout, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new TrinoPage(response, body, readTimeout);
    }

    /// <summary>Reads top-level properties until the <c>data</c> array starts (true) or the document ends (false).</summary>
    public async ValueTask<bool> ReadToDataAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (ReadProperties())
            {
                case Step.AtData:
                    return true;
                case Step.DocumentEnded:
                    return false;
                default:
                    await RefillAsync(cancellationToken);
                    break;
            }
        }
    }

    /// <summary>
    /// Reads up to <paramref name="maxRows"/> rows of the <c>data</c> array into <paramref name="values"/> from row
    /// <paramref name="firstRow"/> on. Returns the number read; fewer than asked means the array ended.
    /// </summary>
    public async ValueTask<int> ReadRowsAsync(IReadOnlyList<TrinoColumn> columns, object?[] values, int firstRow, int maxRows, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < maxRows && _position == Position.InData)
        {
            var step = ReadRows(columns, values, firstRow + read, maxRows - read, out var rows);
            read += rows;
            if (step == Step.NeedMoreData)
            {
                await RefillAsync(cancellationToken);
            }
        }

        return read;
    }

    private Utf8JsonReader CreateReader()
    {
        _readerOrigin = _start;
        return new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
    }

    // BytesConsumed counts from where the reader was created, not from the last commit.
    private void Commit(ref Utf8JsonReader reader)
    {
        _start = _readerOrigin + (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private Step ReadProperties()
    {
        var reader = CreateReader();
        while (true)
        {
            switch (_position)
            {
                case Position.Done:
                    return Step.DocumentEnded;
                case Position.InData:
                    return Step.AtData;
                case Position.BeforeDocument:
                    if (!reader.Read())
                    {
                        return Step.NeedMoreData;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("A Trino response is not a JSON object.");
                    }

                    Commit(ref reader);
                    _position = Position.InDocument;
                    break;
                default:
                    if (!reader.Read())
                    {
                        return Step.NeedMoreData;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        Commit(ref reader);
                        _position = Position.Done;
                        return Step.DocumentEnded;
                    }

                    var isData = reader.ValueTextEquals("data"u8);
                    var name = isData ? null : reader.GetString();
                    if (!reader.Read())
                    {
                        return Step.NeedMoreData;
                    }

                    if (isData && reader.TokenType == JsonTokenType.StartArray)
                    {
                        Commit(ref reader);
                        _position = Position.InData;
                        return Step.AtData;
                    }

                    var value = reader;
                    if (!reader.TrySkip())
                    {
                        return Step.NeedMoreData;
                    }

                    if (name is not null)
                    {
                        Absorb(name, ref value);
                    }

                    Commit(ref reader);
                    break;
            }
        }
    }

    private void Absorb(string name, ref Utf8JsonReader value)
    {
        switch (name)
        {
            case "id" when value.TokenType == JsonTokenType.String:
                QueryId = value.GetString();
                break;
            case "nextUri" when value.TokenType == JsonTokenType.String:
                NextUri = new Uri(value.GetString()!, UriKind.Absolute);
                break;
            case "columns" when value.TokenType == JsonTokenType.StartArray:
                using (var document = JsonDocument.ParseValue(ref value))
                {
                    Columns = [.. document.RootElement.EnumerateArray().Select(c => new TrinoColumn(
                        Text(c, "name") ?? "",
                        TrinoType.Parse(Text(c, "type") ?? "unknown")))];
                }

                break;
            case "error" when value.TokenType == JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref value))
                {
                    Error = TrinoQueryError.From(document.RootElement);
                }

                break;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private Step ReadRows(IReadOnlyList<TrinoColumn> columns, object?[] values, int firstRow, int maxRows, out int rows)
    {
        rows = 0;
        var reader = CreateReader();
        var columnCount = columns.Count;
        while (rows < maxRows)
        {
            if (!reader.Read())
            {
                return Step.NeedMoreData;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref reader);
                _position = Position.InDocument;
                return Step.DataEnded;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A Trino row is not a JSON array.");
            }

            var row = reader;
            if (!reader.TrySkip())
            {
                return Step.NeedMoreData;
            }

            var offset = (firstRow + rows) * columnCount;
            var column = 0;
            while (row.Read() && row.TokenType != JsonTokenType.EndArray)
            {
                if (column < columnCount)
                {
                    values[offset + column] = columns[column].Type.ReadValue(ref row);
                }
                else
                {
                    row.Skip();
                }

                column++;
            }

            if (column != columnCount)
            {
                throw new JsonException($"A Trino row has {column} values for {columnCount} columns.");
            }

            Commit(ref reader);
            rows++;
        }

        return Step.Filled;
    }

    private async ValueTask RefillAsync(CancellationToken cancellationToken)
    {
        if (_final)
        {
            throw new JsonException("A Trino response ended in the middle of its JSON document.");
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBufferSize)
            {
                throw new JsonException("A single row or property of a Trino response is larger than 64 MiB.");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        using var timeout = _readTimeout(cancellationToken);
        var read = await _body.ReadAsync(_buffer.AsMemory(_end), timeout.Token);
        if (read == 0)
        {
            _final = true;
        }

        _end += read;
    }

    public void Dispose()
    {
        _body.Dispose();
        _response.Dispose();
    }
}

/// <summary>A result column: its name and parsed type.</summary>
internal sealed record TrinoColumn(string Name, TrinoType Type);

/// <summary>The <c>error</c> object of a failed query.</summary>
internal sealed record TrinoQueryError(string Message, string? ErrorName, string? ErrorType, int ErrorCode)
{
    public static TrinoQueryError From(JsonElement error)
    {
        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var code = error.TryGetProperty("errorCode", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var c) ? c : 0;
        return new TrinoQueryError(Text(error, "message") ?? "The query failed in Trino.", Text(error, "errorName"), Text(error, "errorType"), code);
    }
}
