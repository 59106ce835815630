using System.Text;
using System.Text.Json;
using Kurobe.Infrastructure.Trino;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Trino;

public sealed class TrinoTypeTests
{
    [Theory]
    [InlineData("bigint", ValueKind.Integer)]
    [InlineData("integer", ValueKind.Integer)]
    [InlineData("smallint", ValueKind.Integer)]
    [InlineData("tinyint", ValueKind.Integer)]
    [InlineData("double", ValueKind.Float)]
    [InlineData("real", ValueKind.Float)]
    [InlineData("decimal(10,2)", ValueKind.Decimal)]
    [InlineData("decimal(38, 0)", ValueKind.Decimal)]
    [InlineData("varchar", ValueKind.Text)]
    [InlineData("varchar(25)", ValueKind.Text)]
    [InlineData("char(3)", ValueKind.Text)]
    [InlineData("json", ValueKind.Text)]
    [InlineData("boolean", ValueKind.Boolean)]
    [InlineData("date", ValueKind.Date)]
    [InlineData("time(3)", ValueKind.Time)]
    [InlineData("time(3) with time zone", ValueKind.Time)]
    [InlineData("timestamp(3)", ValueKind.Timestamp)]
    [InlineData("timestamp(6) with time zone", ValueKind.TimestampWithTimeZone)]
    [InlineData("interval day to second", ValueKind.Interval)]
    [InlineData("interval year to month", ValueKind.Interval)]
    [InlineData("uuid", ValueKind.Uuid)]
    [InlineData("varbinary", ValueKind.Binary)]
    [InlineData("array(bigint)", ValueKind.List)]
    [InlineData("map(varchar, array(integer))", ValueKind.Map)]
    [InlineData("row(a bigint, b varchar(3))", ValueKind.Struct)]
    [InlineData("ipaddress", ValueKind.Unknown)]
    [InlineData("HyperLogLog", ValueKind.Unknown)]
    [InlineData("array(", ValueKind.Unknown)]
    public void Maps_type_strings_to_value_kinds(string signature, ValueKind kind)
    {
        var type = TrinoType.Parse(signature);

        type.Kind.ShouldBe(kind);
        type.Signature.ShouldBe(signature);
    }

    [Fact]
    public void Parses_nested_types_with_named_quoted_and_anonymous_row_fields()
    {
        var type = TrinoType.Parse("array(row(id bigint, \"first name\" varchar, ts timestamp(3) with time zone, interval day to second, map(varchar, row(x double))))");

        var row = type.Elements[0];
        row.Kind.ShouldBe(ValueKind.Struct);
        row.FieldNames.ShouldBe(["id", "first name", "ts", "field3", "field4"]);
        row.Elements.Select(e => e.Kind).ShouldBe([ValueKind.Integer, ValueKind.Text, ValueKind.TimestampWithTimeZone, ValueKind.Interval, ValueKind.Map]);
        row.Elements[4].Elements[1].FieldNames.ShouldBe(["x"]);
    }

    [Theory]
    [InlineData("bigint", "9007199254740993", 9007199254740993L)]
    [InlineData("integer", "-7", -7)]
    [InlineData("boolean", "true", true)]
    [InlineData("varchar", "\"h\\u00e9\"", "hé")]
    [InlineData("json", "\"{\\\"a\\\":1}\"", "{\"a\":1}")]
    [InlineData("bigint", "null", null)]
    public void Reads_scalar_values(string signature, string json, object? expected) =>
        Read(signature, json).ShouldBe(expected);

    [Fact]
    public void Reads_decimals_exactly_and_keeps_those_beyond_decimal_as_text()
    {
        Read("decimal(10,2)", "\"12.50\"").ShouldBe(12.50m);
        ((decimal)Read("decimal(10,2)", "\"12.50\"")!).Scale.ShouldBe((byte)2);
        Read("decimal(38,0)", "\"12345678901234567890123456789012345678\"").ShouldBe("12345678901234567890123456789012345678");
        Read("decimal(38,30)", "\"1.123456789012345678901234567890\"").ShouldBe("1.123456789012345678901234567890");
    }

    [Fact]
    public void Reads_floating_point_values_including_the_special_ones()
    {
        Read("double", "1.5").ShouldBe(1.5d);
        Read("real", "2.5").ShouldBe(2.5f);
        double.IsNaN((double)Read("double", "\"NaN\"")!).ShouldBeTrue();
        Read("double", "\"-Infinity\"").ShouldBe(double.NegativeInfinity);
    }

    [Fact]
    public void Reads_dates_times_and_timestamps()
    {
        Read("date", "\"2024-02-29\"").ShouldBe(new DateOnly(2024, 2, 29));
        Read("time(3)", "\"13:14:15.123\"").ShouldBe(new TimeOnly(13, 14, 15, 123));
        var timestamp = (DateTime)Read("timestamp(3)", "\"2024-01-02 03:04:05.123\"")!;
        timestamp.ShouldBe(new DateTime(2024, 1, 2, 3, 4, 5, 123));
        timestamp.Kind.ShouldBe(DateTimeKind.Unspecified);
        Read("timestamp(12)", "\"2024-01-02 03:04:05.123456789012\"").ShouldBe(new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(1_234_567));
        Read("date", "\"+12345-01-01\"").ShouldBe("+12345-01-01");
    }

    [Theory]
    [InlineData("2024-01-02 03:04:05.123 UTC", "2024-01-02T03:04:05.1230000+00:00")]
    [InlineData("2024-01-02 03:04:05.123 +01:00", "2024-01-02T02:04:05.1230000+00:00")]
    [InlineData("2024-01-02 03:04:05 -05:30", "2024-01-02T08:34:05.0000000+00:00")]
    [InlineData("2024-07-02 03:04:05.000 America/New_York", "2024-07-02T07:04:05.0000000+00:00")]
    [InlineData("2024-01-02 03:04:05.000 America/New_York", "2024-01-02T08:04:05.0000000+00:00")]
    public void Reads_timestamps_with_time_zone_as_utc_instants(string text, string expected)
    {
        var value = (DateTimeOffset)Read("timestamp(3) with time zone", JsonSerializer.Serialize(text))!;

        value.Offset.ShouldBe(TimeSpan.Zero);
        value.ToString("O", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Fact]
    public void Keeps_a_timestamp_in_an_unknown_zone_as_text() =>
        Read("timestamp(3) with time zone", "\"2024-01-02 03:04:05.000 Mars/Olympus_Mons\"").ShouldBe("2024-01-02 03:04:05.000 Mars/Olympus_Mons");

    [Fact]
    public void Reads_intervals_uuids_and_binary()
    {
        Read("interval day to second", "\"2 03:04:05.678\"").ShouldBe(new TimeSpan(2, 3, 4, 5, 678));
        Read("interval day to second", "\"-0 00:00:01.000\"").ShouldBe(TimeSpan.FromSeconds(-1));
        Read("interval year to month", "\"1-2\"").ShouldBe("1-2");
        Read("uuid", "\"12151fd2-7586-11e9-8f9e-2a86e4085a59\"").ShouldBe(Guid.Parse("12151fd2-7586-11e9-8f9e-2a86e4085a59"));
        Read("varbinary", "\"AAECAw==\"").ShouldBe(new byte[] { 0, 1, 2, 3 });
    }

    [Fact]
    public void Reads_arrays_maps_and_rows_into_lists_and_dictionaries()
    {
        Read("array(bigint)", "[1,2,null]").ShouldBe(new List<object?> { 1L, 2L, null });

        var map = (Dictionary<string, object?>)Read("map(varchar, decimal(4,1))", "{\"a\":\"1.5\",\"b\":null}")!;
        map["a"].ShouldBe(1.5m);
        map["b"].ShouldBeNull();

        var row = (Dictionary<string, object?>)Read("row(a bigint, b array(varchar), c row(d date))", "[7,[\"x\"],[\"2024-01-01\"]]")!;
        row["a"].ShouldBe(7L);
        row["b"].ShouldBe(new List<object?> { "x" });
        ((Dictionary<string, object?>)row["c"]!)["d"].ShouldBe(new DateOnly(2024, 1, 1));
    }

    [Fact]
    public void Reads_values_of_unknown_types_as_text()
    {
        Read("ipaddress", "\"10.0.0.1\"").ShouldBe("10.0.0.1");
        Read("SomeNewType", "{\"x\":[1]}").ShouldBe("{\"x\":[1]}");
    }

    private static object? Read(string signature, string json)
    {
        var type = TrinoType.Parse(signature);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return type.ReadValue(ref reader);
    }
}
