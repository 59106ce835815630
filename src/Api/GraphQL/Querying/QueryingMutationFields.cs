using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.Querying.CancelQuery;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class QueryingMutationFields : IMutationFields
{
    public void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<CancelQueryPayloadGraphType>>("cancelQuery")
            .Description("Stops a running query in its engine. Its runner gets the error code QUERY_CANCELLED.")
            .Argument<NonNullGraphType<IdGraphType>>("queryId")
            .ResolveAsync(async context => await context.SendAsync(
                new CancelQueryCommand(GraphQLIds.ParseGuid(context.GetArgument<string>("queryId"), "queryId", "a query id"))));
}
