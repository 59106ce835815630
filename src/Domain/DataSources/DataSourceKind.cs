namespace Kurobe.Domain.DataSources;

/// <summary>The database engines Kurobe can query.</summary>
public enum DataSourceKind
{
    DuckDb,
    Postgres,
    Trino,
}
