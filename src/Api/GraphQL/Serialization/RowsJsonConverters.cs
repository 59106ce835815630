using System.Text.Json;
using System.Text.Json.Serialization;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Encoding;

namespace Kurobe.Api.GraphQL.Serialization;

/// <summary>Writes a batch as an array of row arrays, values in column order.</summary>
internal sealed class RowBatchJsonConverter : JsonConverter<RowBatch>
{
    public override RowBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Rows are written, never read.");

    public override void Write(Utf8JsonWriter writer, RowBatch value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        WriteRows(writer, value);
        writer.WriteEndArray();
    }

    internal static void WriteRows(Utf8JsonWriter writer, RowBatch batch)
    {
        for (var r = 0; r < batch.RowCount; r++)
        {
            writer.WriteStartArray();
            foreach (var value in batch.Row(r))
            {
                JsonValueWriter.Write(writer, value);
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>Writes rows that were encoded once, when the result was read (or cached), as they are.</summary>
internal sealed class EncodedRowsJsonConverter : JsonConverter<EncodedRows>
{
    public override EncodedRows Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Rows are written, never read.");

    public override void Write(Utf8JsonWriter writer, EncodedRows value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json.Span, skipInputValidation: true);
}
