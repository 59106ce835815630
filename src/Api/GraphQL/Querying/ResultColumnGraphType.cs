using GraphQL.Types;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class ResultColumnGraphType : ObjectGraphType<ResultColumn>
{
    public ResultColumnGraphType()
    {
        Name = "ResultColumn";
        Description = "One column of a query result.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("type")
            .Description("The engine's own name for the type, e.g. DECIMAL(10,2).")
            .Resolve(c => c.Source.SqlType);
        Field<NonNullGraphType<ValueKindGraphType>>("kind").Resolve(c => c.Source.Kind);
    }
}
