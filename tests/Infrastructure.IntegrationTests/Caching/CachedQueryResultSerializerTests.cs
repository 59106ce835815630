using System.Buffers;
using Kurobe.Application.Querying.Caching;
using Kurobe.Infrastructure.Caching;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

public sealed class CachedQueryResultSerializerTests
{
    private readonly CachedQueryResultSerializer _serializer = new();

    [Fact]
    public void Round_trips_a_result_to_identical_bytes()
    {
        var original = new CachedQueryResult(
            [
                new ResultColumn("n", "BIGINT", ValueKind.Integer),
                new ResultColumn("prix ¥", "DECIMAL(10,2)", ValueKind.Decimal),
                new ResultColumn(new string('c', 300), "TIMESTAMP WITH TIME ZONE", ValueKind.Timestamp),
            ],
            "[[1,\"12.50\",\"2026-11-24T12:30:15+09:00\"],[2,null,null]]"u8.ToArray(),
            RowCount: 2,
            Truncated: true,
            ExecutedAt: new DateTimeOffset(2026, 11, 24, 12, 30, 15, 123, TimeSpan.FromHours(9)).AddTicks(4567));

        var bytes = Serialize(original);
        var copy = _serializer.Deserialize(new ReadOnlySequence<byte>(bytes));

        Serialize(copy).ShouldBe(bytes);
        copy.Columns.ShouldBe(original.Columns);
        copy.RowsJson.ToArray().ShouldBe(original.RowsJson.ToArray());
        copy.RowCount.ShouldBe(2);
        copy.Truncated.ShouldBeTrue();
        copy.ExecutedAt.ShouldBe(original.ExecutedAt);
        copy.ExecutedAt.Offset.ShouldBe(TimeSpan.FromHours(9));
    }

    [Fact]
    public void Writes_the_rows_verbatim_after_a_short_header()
    {
        var result = TestQueries.Result("verbatim");

        var bytes = Serialize(result);

        bytes[0].ShouldBe(CachedQueryResultSerializer.Version);
        bytes.AsSpan(bytes.Length - result.RowsJson.Length).ToArray().ShouldBe(result.RowsJson.ToArray());
        (bytes.Length - result.RowsJson.Length).ShouldBeLessThan(64);
    }

    [Fact]
    public void Reads_a_payload_split_across_buffer_segments()
    {
        var result = TestQueries.Result("segments", padBytes: 100);
        var bytes = Serialize(result);

        var copy = _serializer.Deserialize(Segmented(bytes, segmentLength: 7));

        Serialize(copy).ShouldBe(bytes);
    }

    [Fact]
    public void Rejects_a_payload_of_another_version()
    {
        var bytes = Serialize(TestQueries.Result("old"));
        bytes[0] = 99;

        Should.Throw<UnreadableCachedResultException>(() => _serializer.Deserialize(new ReadOnlySequence<byte>(bytes)));
    }

    [Fact]
    public void Rejects_a_truncated_payload_as_unreadable()
    {
        var bytes = Serialize(TestQueries.Result("cut"));

        Should.Throw<UnreadableCachedResultException>(() => _serializer.Deserialize(new ReadOnlySequence<byte>(bytes, 0, 6)));
    }

    private byte[] Serialize(CachedQueryResult result)
    {
        var writer = new ArrayBufferWriter<byte>();
        _serializer.Serialize(result, writer);
        return writer.WrittenSpan.ToArray();
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentLength)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += segmentLength)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(segmentLength, bytes.Length - offset));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
