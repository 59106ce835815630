using GraphQL.Types;
using Kurobe.Application.Querying.ListRunningQueries;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class RunningQueryGraphType : ObjectGraphType<RunningQuerySummary>
{
    public RunningQueryGraphType()
    {
        Name = "RunningQuery";
        Description = "A query this server is running now.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Pass it to cancelQuery.").Resolve(c => c.Source.Id.ToString("D"));
        Field<NonNullGraphType<IdGraphType>>("dataSourceId").Resolve(c => c.Source.DataSourceId.ToString());
        Field<NonNullGraphType<StringGraphType>>("dataSourceName").Resolve(c => c.Source.DataSourceName);
        Field<NonNullGraphType<StringGraphType>>("sql").Resolve(c => c.Source.Sql);
        Field<NonNullGraphType<QueryModeGraphType>>("mode").Resolve(c => c.Source.Mode);
        Field<NonNullGraphType<DateTimeGraphType>>("startedAt").Resolve(c => c.Source.StartedAt.UtcDateTime);
        Field<NonNullGraphType<FloatGraphType>>("elapsedMs").Resolve(c => Math.Round(c.Source.ElapsedMs, 3));
        Field<NonNullGraphType<IntGraphType>>("rowsRead")
            .Description("Rows read from the engine so far.")
            .Resolve(c => (int)Math.Min(c.Source.RowsRead, int.MaxValue));
    }
}
