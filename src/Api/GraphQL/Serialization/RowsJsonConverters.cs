using System.Text.Json;
using System.Text.Json.Serialization;
using Kurobe.Application.Querying;

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

/// <summary>Writes a buffered result as one array of row arrays, whatever batches it was read in.</summary>
internal sealed class RowSetJsonConverter : JsonConverter<RowSet>
{
    public override RowSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Rows are written, never read.");

    public override void Write(Utf8JsonWriter writer, RowSet value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var batch in value.Batches)
        {
            RowBatchJsonConverter.WriteRows(writer, batch);
        }

        writer.WriteEndArray();
    }
}
