using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.Querying.StreamSql;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class QueryingSubscriptionFields : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<QueryStreamEventGraphType>>("queryStream")
            .Description("Runs one read-only SQL statement and streams its rows in batches, as fast as the client reads them. "
                + "Completing the subscription stops the query in the engine.")
            .Argument<NonNullGraphType<RunQueryInputGraphType>>("input")
            .ResolveStream(context =>
            {
                var input = context.GetArgument<RunQueryInput>("input");
                return context.CreateStream(new StreamSqlQuery(
                    GraphQLIds.ParseOptionalDataSourceId(input.DataSourceId, "dataSourceId"), input.Sql, input.MaxRows, input.TimeoutSeconds));
            });
}
