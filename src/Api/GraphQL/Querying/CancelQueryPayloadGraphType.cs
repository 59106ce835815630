using GraphQL.Types;
using Kurobe.Application.Querying.CancelQuery;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class CancelQueryPayloadGraphType : ObjectGraphType<CancelQueryResult>
{
    public CancelQueryPayloadGraphType()
    {
        Name = "CancelQueryPayload";
        Field<NonNullGraphType<IdGraphType>>("queryId").Resolve(c => c.Source.QueryId.ToString("D"));
        Field<NonNullGraphType<BooleanGraphType>>("cancelled")
            .Description("False when the query was no longer running (it had finished, or never existed).")
            .Resolve(c => c.Source.Cancelled);
    }
}
