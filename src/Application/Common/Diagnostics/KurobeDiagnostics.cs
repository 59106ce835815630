using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kurobe.Application.Common.Diagnostics;

/// <summary>Kurobe's own traces and metrics, exported by the host's OpenTelemetry setup under the name "kurobe".</summary>
public static class KurobeDiagnostics
{
    public const string Name = "kurobe";

    public static ActivitySource ActivitySource { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Queries run on data sources, by engine, mode and outcome.</summary>
    public static Counter<long> Queries { get; } = Meter.CreateCounter<long>("kurobe.queries", "{query}", "SQL queries run on data sources");

    /// <summary>How long queries ran, from start to their last row or failure.</summary>
    public static Histogram<double> QueryDuration { get; } = Meter.CreateHistogram<double>("kurobe.query.duration", "s", "Duration of SQL queries");

    /// <summary>Rows read from engines.</summary>
    public static Counter<long> RowsRead { get; } = Meter.CreateCounter<long>("kurobe.query.rows", "{row}", "Rows read from data sources");
}
