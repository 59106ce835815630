namespace Kurobe.Application.Querying.Encoding;

/// <summary>Rows already encoded as UTF-8 JSON (an array of row arrays), written to responses as they are.</summary>
public sealed record EncodedRows(ReadOnlyMemory<byte> Json)
{
    public static EncodedRows Empty { get; } = new("[]"u8.ToArray());
}
