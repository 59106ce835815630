using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.Querying.ListRunningQueries;
using Kurobe.Application.Querying.RunSql;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class QueryingQueryFields : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<QueryResultGraphType>>("runQuery")
            .Description("Runs one read-only SQL statement and returns the whole result, up to maxRows rows.")
            .Argument<NonNullGraphType<RunQueryInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RunQueryInput>("input");
                return await context.SendAsync(new RunSqlQuery(
                    GraphQLIds.ParseOptionalDataSourceId(input.DataSourceId, "dataSourceId"), input.Sql, input.MaxRows, input.TimeoutSeconds, input.CacheTtlSeconds));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RunningQueryGraphType>>>>("runningQueries")
            .Description("The queries this server is running now, oldest first.")
            .ResolveAsync(async context => await context.SendAsync(new ListRunningQueriesQuery()));
    }
}
