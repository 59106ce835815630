using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.GraphQL.Querying;
using Kurobe.Api.GraphQL.Scalars;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Visualization.RecommendChart;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Api.GraphQL.Visualization;

internal sealed class VisualizationQueryFields : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ChartGraphType>>("recommendChart")
            .Description("Recommends a chart for any result shape: its columns and rows, and the question behind it.")
            .Argument<NonNullGraphType<RecommendChartInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var columns = ((IEnumerable<object?>)input["columns"]!)
                    .Cast<IDictionary<string, object?>>()
                    .Select(c => new ResultColumn((string)c["name"]!, (string)c["type"]!, (ValueKind)c["kind"]!))
                    .ToList();
                var rows = input["rows"] as IEnumerable<object?>
                    ?? throw new RequestValidationException([new InputFailure("rows", "rows must be an array of row arrays.")]);
                return await context.SendAsync(new RecommendChartQuery(
                    columns,
                    JsonSerializer.SerializeToUtf8Bytes(rows),
                    input.GetValueOrDefault("question") as string,
                    input.GetValueOrDefault("profile") as string));
            });
}

internal sealed class RecommendChartInputGraphType : InputObjectGraphType
{
    public RecommendChartInputGraphType()
    {
        Name = "RecommendChartInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResultColumnInputGraphType>>>>("columns");
        Field<NonNullGraphType<JsonGraphType>>("rows").Description("An array of row arrays, values in column order, as results carry them.");
        Field<StringGraphType>("question").Description("The question the result answers, when there is one.");
        Field<StringGraphType>("profile").Description("The visualization profile in engines.yaml; \"default\" when omitted.");
    }
}

internal sealed class ResultColumnInputGraphType : InputObjectGraphType
{
    public ResultColumnInputGraphType()
    {
        Name = "ResultColumnInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("type").Description("The engine's type name, e.g. DECIMAL(10,2).");
        Field<NonNullGraphType<ValueKindGraphType>>("kind");
    }
}
