using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Kurobe.Benchmarks;

/// <summary>
/// The baseline for the streaming benchmark: the fastest way to read every value of a query with DuckDB.NET alone,
/// with the same engine settings Kurobe uses (streaming mode, read-only database).
/// Prints one JSON line: rows, seconds, rowsPerSecond.
/// </summary>
internal static class RawDuckDb
{
    public static int Run(string database, string sql)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        var rows = 0L;
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"rows":{{rows}},"seconds":{{seconds:0.000}},"rowsPerSecond":{{rows / seconds:0}}}"""));
        return 0;
    }
}
