using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.GraphQL.Visualization;
using Kurobe.Application.Visualization.RecommendChart;
using Kurobe.Api.GraphQL.Scalars;
using Kurobe.Application.Querying.StreamSql;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class QueryStreamEventGraphType : ObjectGraphType<QueryStreamEvent>
{
    public QueryStreamEventGraphType()
    {
        Name = "QueryStreamEvent";
        Description = "One batch of a streamed result. The first carries the columns; the last has done: true.";
        Field<ListGraphType<NonNullGraphType<ResultColumnGraphType>>>("columns")
            .Description("The result's columns, on the first event only.")
            .Resolve(c => c.Source.Columns);
        Field<NonNullGraphType<JsonGraphType>>("rows")
            .Description("This batch's rows: an array of row arrays, values in column order.")
            .Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<IntGraphType>>("rowCount")
            .Description("Rows streamed so far, this batch included; the total on the last event.")
            .Resolve(c => (int)c.Source.RowCount);
        Field<NonNullGraphType<BooleanGraphType>>("done").Resolve(c => c.Source.Done);
        Field<NonNullGraphType<BooleanGraphType>>("truncated")
            .Description("On the last event: true when the query had more rows than maxRows allowed.")
            .Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<FloatGraphType>>("durationMs").Resolve(c => Math.Round(c.Source.DurationMs, 3));
        Field<ChartGraphType>("chart")
            .Description("On the first event only: a chart recommended from the columns and the first batch's rows.")
            .Argument<StringGraphType>("question", "The question the result answers, which can steer the choice.")
            .Argument<StringGraphType>("profile", "The visualization profile in engines.yaml; \"default\" when omitted.")
            .ResolveAsync(async c => c.Source.Columns is { } columns
                ? await c.SendAsync(RecommendChartQuery.ForBatch(columns, c.Source.Rows, c.GetArgument<string?>("question"), c.GetArgument<string?>("profile")))
                : null);
    }
}
