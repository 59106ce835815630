using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>Stores a timestamp as <c>2026-11-25T00:51:08.123456Z</c>: UTC, microseconds, the same precision as PostgreSQL.</summary>
internal sealed class SqliteTimestampConverter() : ValueConverter<DateTimeOffset, string>(
    value => Format(value),
    text => Parse(text))
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        new(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
