using GraphQL.Types;
using Kurobe.Application.DataSources;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourceGraphType : ObjectGraphType<DataSourceSummary>
{
    public DataSourceGraphType()
    {
        Name = "DataSource";
        Description = "A database Kurobe can query.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString());
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique, human-chosen handle, e.g. \"demo\".").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DataSourceKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault")
            .Description("True for the source used when a request names none.")
            .Resolve(c => c.Source.IsDefault);
    }
}
