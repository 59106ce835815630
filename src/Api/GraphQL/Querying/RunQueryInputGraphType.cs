using GraphQL.Types;

namespace Kurobe.Api.GraphQL.Querying;

/// <summary>The arguments of <c>runQuery</c> and <c>queryStream</c>, as the client sent them.</summary>
internal sealed class RunQueryInput
{
    public string? DataSourceId { get; set; }

    public string Sql { get; set; } = "";

    public int? MaxRows { get; set; }

    public int? TimeoutSeconds { get; set; }

    public int? CacheTtlSeconds { get; set; }
}

internal sealed class RunQueryInputGraphType : InputObjectGraphType<RunQueryInput>
{
    public RunQueryInputGraphType()
    {
        Name = "RunQueryInput";
        Description = "Read-only SQL to run on a data source.";
        Field<IdGraphType>("dataSourceId").Description("The source to run on; the default source when omitted.");
        Field<NonNullGraphType<StringGraphType>>("sql").Description("One read-only SQL statement in the source's dialect.");
        Field<IntGraphType>("maxRows").Description("The most rows to return; more set truncated. runQuery: default 10,000.");
        Field<IntGraphType>("timeoutSeconds")
            .Description("Time limit for the engine's work: the source's default (30 seconds unless configured) when omitted, at most 5 minutes.");
        Field<IntGraphType>("cacheTtlSeconds")
            .Description("runQuery only: how long the result may be cached, 0 to bypass the cache; the source's default (5 minutes) when omitted.");
    }
}
