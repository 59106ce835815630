namespace Kurobe.Plugins.Abstractions;

/// <summary>The SQL dialect a data source speaks; engines that write SQL must target it.</summary>
public enum SqlDialect
{
    /// <summary>DuckDB's PostgreSQL-flavoured dialect.</summary>
    DuckDb,

    /// <summary>PostgreSQL.</summary>
    PostgreSql,

    /// <summary>Trino (ANSI SQL with Trino's functions and types).</summary>
    Trino,
}
