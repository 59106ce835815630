using GraphQL.Types;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Api.GraphQL.Querying;

internal sealed class ValueKindGraphType : EnumerationGraphType<ValueKind>
{
    public ValueKindGraphType()
    {
        Name = "ValueKind";
        Description = "The engine-independent kind of a column's values: how to format, sort and chart them.";
    }
}
