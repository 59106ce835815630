using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Encoding;

namespace Kurobe.Application.UnitTests.Querying.Encoding;

public sealed class JsonValueWriterTests
{
    public static TheoryData<object?, string> Values => new()
    {
        { null, "null" },
        { true, "true" },
        { 42, "42" },
        { -7L, "-7" },
        { (short)3, "3" },
        { (byte)255, "255" },
        { ulong.MaxValue, "18446744073709551615" },
        { BigInteger.Parse("170141183460469231731687303715884105727", System.Globalization.CultureInfo.InvariantCulture), "170141183460469231731687303715884105727" },
        { 12.50m, "12.50" },
        { 1.5, "1.5" },
        { double.NaN, "\"NaN\"" },
        { double.PositiveInfinity, "\"Infinity\"" },
        { 2.5f, "2.5" },
        { "tab\t\"quoted\"", "\"tab\\t\\\"quoted\\\"\"" },
        { "São Paulo 東京", "\"São Paulo 東京\"" },
        { new DateOnly(2024, 2, 29), "\"2024-02-29\"" },
        { new DateTime(2024, 2, 29, 13, 14, 15), "\"2024-02-29T13:14:15\"" },
        { new DateTime(2024, 2, 29, 13, 14, 15, 123, DateTimeKind.Unspecified), "\"2024-02-29T13:14:15.123\"" },
        { new DateTimeOffset(2024, 2, 29, 11, 14, 15, TimeSpan.Zero), "\"2024-02-29T11:14:15Z\"" },
        { new DateTimeOffset(2024, 2, 29, 11, 14, 15, TimeSpan.FromHours(9)), "\"2024-02-29T11:14:15+09:00\"" },
        { new TimeOnly(13, 14, 15), "\"13:14:15\"" },
        { TimeSpan.FromDays(3) + TimeSpan.FromHours(4), "\"P3DT4H\"" },
        { Guid.Parse("00000000-0000-0000-0000-000000000042"), "\"00000000-0000-0000-0000-000000000042\"" },
        { new byte[] { 1, 2, 3 }, "\"AQID\"" },
        { new List<int> { 1, 2 }, "[1,2]" },
        { new Dictionary<string, object?> { ["x"] = 1, ["when"] = new DateOnly(2024, 1, 1) }, "{\"x\":1,\"when\":\"2024-01-01\"}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Writes_values_the_way_the_api_documents(object? value, string json) => Write(w => JsonValueWriter.Write(w, value)).ShouldBe(json);

    [Fact]
    public void Encodes_rows_as_one_array_of_row_arrays_across_batches()
    {
        using var encoder = new RowsJsonEncoder(maxBytes: 1_000);
        encoder.Append(new RowBatch(2, [1, "a", 2, "b"], 2, false));
        encoder.Append(new RowBatch(2, [3, null], 1, true));

        System.Text.Encoding.UTF8.GetString(encoder.Finish().Json.Span).ShouldBe("""[[1,"a"],[2,"b"],[3,null]]""");
        encoder.RowCount.ShouldBe(3);
        encoder.CapReached.ShouldBeFalse();
    }

    [Theory]
    [InlineData(2, 0, "[]")]
    [InlineData(10, 1, "[[1,\"a\"]]")]
    [InlineData(17, 2, "[[1,\"a\"],[2,\"b\"]]")]
    [InlineData(18, 2, "[[1,\"a\"],[2,\"b\"]]")]
    public void The_size_cap_keeps_only_whole_rows(int maxBytes, int rows, string json)
    {
        using var encoder = new RowsJsonEncoder(maxBytes);
        var appended = encoder.Append(new RowBatch(2, [1, "a", 2, "b", 3, "c"], 3, true));

        appended.ShouldBe(rows);
        encoder.CapReached.ShouldBeTrue();
        System.Text.Encoding.UTF8.GetString(encoder.Finish().Json.Span).ShouldBe(json);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
