using GraphQL.Types;
using Kurobe.Application.Querying.Execution;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class QueryModeGraphType : EnumerationGraphType<QueryMode>
{
    public QueryModeGraphType()
    {
        Name = "QueryMode";
        Description = "How a query delivers its rows: all at once (runQuery) or streamed (queryStream).";
    }
}
