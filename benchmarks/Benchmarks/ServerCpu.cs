using System.Globalization;

namespace Kurobe.Benchmarks;

/// <summary>CPU time (user + system) a process has used so far, from <c>/proc/&lt;pid&gt;/stat</c>. Linux only.</summary>
internal static class ServerCpu
{
    // USER_HZ, which the kernel fixes at 100 on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Read(int? pid)
    {
        if (pid is not { } id)
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{id}/stat");

        // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
