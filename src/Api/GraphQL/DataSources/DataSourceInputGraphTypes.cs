using GraphQL.Types;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class CreateDataSourceInputGraphType : InputObjectGraphType
{
    public CreateDataSourceInputGraphType()
    {
        Name = "CreateDataSourceInput";
        Description = "A new data source: a name and exactly one of duckdb, postgres or trino.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Lower-case letters, digits, '-' and '_', starting with a letter.");
        DataSourceInputFields.AddConnectionFields(this);
        Field<StringGraphType>("secret").Description("The password (PostgreSQL, Trino basic) or token (Trino bearer). Stored encrypted, never returned.");
        Field<IntGraphType>("queryTimeoutSeconds").Description("The source's default time limit; the server's when omitted.");
        Field<IntGraphType>("cacheTtlSeconds").Description("How long runQuery results stay cached; 0 turns caching off. The server's default when omitted.");
    }
}

internal sealed class UpdateDataSourceInputGraphType : InputObjectGraphType
{
    public UpdateDataSourceInputGraphType()
    {
        Name = "UpdateDataSourceInput";
        Description = "Changes to a data source created through the API. Omitted fields stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        DataSourceInputFields.AddConnectionFields(this);
        Field<StringGraphType>("secret").Description("A new secret; null removes it.");
        Field<IntGraphType>("queryTimeoutSeconds").Description("null returns to the server's default.");
        Field<IntGraphType>("cacheTtlSeconds").Description("null returns to the server's default; 0 turns caching off.");
    }
}

internal static class DataSourceInputFields
{
    public static void AddConnectionFields(InputObjectGraphType input)
    {
        input.Field<DuckDbConnectionInputGraphType>("duckdb");
        input.Field<PostgresConnectionInputGraphType>("postgres");
        input.Field<TrinoConnectionInputGraphType>("trino");
    }
}

internal sealed class DuckDbConnectionInputGraphType : InputObjectGraphType
{
    public DuckDbConnectionInputGraphType()
    {
        Name = "DuckDbConnectionInput";
        Field<NonNullGraphType<StringGraphType>>("path")
            .Description("The database file, inside the data directory or an allowed directory; relative to the data directory.");
    }
}

internal sealed class PostgresConnectionInputGraphType : InputObjectGraphType
{
    public PostgresConnectionInputGraphType()
    {
        Name = "PostgresConnectionInput";
        Field<NonNullGraphType<StringGraphType>>("host");
        Field<IntGraphType>("port").Description("5432 when omitted.");
        Field<NonNullGraphType<StringGraphType>>("database");
        Field<NonNullGraphType<StringGraphType>>("username").Description("Connect as a role that can only SELECT; see docs/postgres.md.");
        Field<PostgresSslModeGraphType>("sslMode").Description("PREFER when omitted.");
    }
}

internal sealed class TrinoConnectionInputGraphType : InputObjectGraphType
{
    public TrinoConnectionInputGraphType()
    {
        Name = "TrinoConnectionInput";
        Field<NonNullGraphType<StringGraphType>>("endpoint").Description("The coordinator's URL, e.g. https://trino.example.com:8443.");
        Field<NonNullGraphType<StringGraphType>>("user");
        Field<StringGraphType>("catalog");
        Field<StringGraphType>("schema");
        Field<TrinoAuthenticationGraphType>("authentication").Description("NONE when omitted.");
    }
}
