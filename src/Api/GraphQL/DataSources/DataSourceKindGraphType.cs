using GraphQL.Types;
using Kurobe.Domain.DataSources;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourceKindGraphType : EnumerationGraphType
{
    public DataSourceKindGraphType()
    {
        Name = "DataSourceKind";
        Description = "The database engine behind a data source.";
        Add("DUCKDB", DataSourceKind.DuckDb, "An embedded DuckDB database file.");
        Add("POSTGRES", DataSourceKind.Postgres, "A PostgreSQL server.");
        Add("TRINO", DataSourceKind.Trino, "A Trino cluster.");
    }
}
