using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.GraphQL.Visualization;
using Kurobe.Application.Visualization.RecommendChart;
using Kurobe.Api.GraphQL.Scalars;
using Kurobe.Application.Querying;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class QueryResultGraphType : ObjectGraphType<QueryResult>
{
    public QueryResultGraphType()
    {
        Name = "QueryResult";
        Description = "A complete query result.";
        Field<NonNullGraphType<IdGraphType>>("dataSourceId").Resolve(c => c.Source.DataSourceId.ToString());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResultColumnGraphType>>>>("columns").Resolve(c => c.Source.Columns);
        Field<NonNullGraphType<JsonGraphType>>("rows")
            .Description("An array of row arrays, values in column order.")
            .Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<IntGraphType>>("rowCount").Resolve(c => (int)c.Source.RowCount);
        Field<NonNullGraphType<BooleanGraphType>>("truncated")
            .Description("True when the query had more rows than maxRows or the server's result-size cap allowed.")
            .Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<FloatGraphType>>("durationMs")
            .Description("How long this request took, cache lookup included.")
            .Resolve(c => Math.Round(c.Source.DurationMs, 3));
        Field<NonNullGraphType<BooleanGraphType>>("cacheHit")
            .Description("True when the rows came from the result cache rather than the engine.")
            .Resolve(c => c.Source.CacheHit);
        Field<ChartGraphType>("chart")
            .Description("A recommended chart for this result, from the visualization engine; null with an error when none answers.")
            .Argument<StringGraphType>("question", "The question the result answers, which can steer the choice.")
            .Argument<StringGraphType>("profile", "The visualization profile in engines.yaml; \"default\" when omitted.")
            .ResolveAsync(async c => await c.SendAsync(new RecommendChartQuery(
                c.Source.Columns, c.Source.Rows.Json, c.GetArgument<string?>("question"), c.GetArgument<string?>("profile"))));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("executedAt")
            .Description("When the engine produced the rows; earlier than now for a cache hit.")
            .Resolve(c => c.Source.ExecutedAt);
    }
}
