using GraphQL.Types;
using Kurobe.Application.DataSources.Health;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourceStatusGraphType : ObjectGraphType<DataSourceStatus>
{
    public DataSourceStatusGraphType()
    {
        Name = "DataSourceStatus";
        Description = "The latest check of a data source.";
        Field<NonNullGraphType<DataSourceHealthGraphType>>("health").Resolve(c => c.Source.Health);
        Field<FloatGraphType>("latencyMs").Resolve(c => c.Source.LatencyMs is { } ms ? Math.Round(ms, 3) : null);
        Field<DateTimeOffsetGraphType>("checkedAt").Resolve(c => c.Source.CheckedAt);
        Field<StringGraphType>("lastError").Description("Why the latest check failed.").Resolve(c => c.Source.LastError);
        Field<DateTimeOffsetGraphType>("lastHealthyAt").Resolve(c => c.Source.LastHealthyAt);
        Field<StringGraphType>("serverVersion").Resolve(c => c.Source.ServerVersion);
    }
}

internal sealed class DataSourceHealthGraphType : EnumerationGraphType
{
    public DataSourceHealthGraphType()
    {
        Name = "DataSourceHealth";
        Add("UNKNOWN", DataSourceHealth.Unknown, "Not checked yet.");
        Add("HEALTHY", DataSourceHealth.Healthy, "Answered the latest check.");
        Add("UNHEALTHY", DataSourceHealth.Unhealthy, "Did not answer the latest check; see lastError.");
    }
}
