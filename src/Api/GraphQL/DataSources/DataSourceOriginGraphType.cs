using GraphQL.Types;
using Kurobe.Domain.DataSources;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourceOriginGraphType : EnumerationGraphType
{
    public DataSourceOriginGraphType()
    {
        Name = "DataSourceOrigin";
        Description = "Where a data source was defined.";
        Add("CONFIGURATION", DataSourceOrigin.Configuration, "In the server's configuration (the demo among them); read-only through the API.");
        Add("API", DataSourceOrigin.Api, "Created through the API; can be updated and deleted.");
    }
}
