using GraphQL.Types;
using Kurobe.Domain.DataSources;

namespace Kurobe.Api.GraphQL.DataSources;

internal sealed class DataSourceConnectionGraphType : UnionGraphType
{
    public DataSourceConnectionGraphType()
    {
        Name = "DataSourceConnection";
        Description = "How a data source is reached, without its secret.";
        Type<DuckDbConnectionGraphType>();
        Type<PostgresConnectionGraphType>();
        Type<TrinoConnectionGraphType>();
    }
}

internal sealed class DuckDbConnectionGraphType : ObjectGraphType<DuckDbConnection>
{
    public DuckDbConnectionGraphType()
    {
        Name = "DuckDbConnection";
        Field<NonNullGraphType<StringGraphType>>("path")
            .Description("The database file; relative paths are relative to the server's data directory.")
            .Resolve(c => c.Source.Path);
    }
}

internal sealed class PostgresConnectionGraphType : ObjectGraphType<PostgresConnection>
{
    public PostgresConnectionGraphType()
    {
        Name = "PostgresConnection";
        Field<NonNullGraphType<StringGraphType>>("host").Resolve(c => c.Source.Host);
        Field<NonNullGraphType<IntGraphType>>("port").Resolve(c => c.Source.Port);
        Field<NonNullGraphType<StringGraphType>>("database").Resolve(c => c.Source.Database);
        Field<NonNullGraphType<StringGraphType>>("username").Resolve(c => c.Source.Username);
        Field<NonNullGraphType<PostgresSslModeGraphType>>("sslMode").Resolve(c => c.Source.SslMode);
    }
}

internal sealed class TrinoConnectionGraphType : ObjectGraphType<TrinoConnection>
{
    public TrinoConnectionGraphType()
    {
        Name = "TrinoConnection";
        Field<NonNullGraphType<StringGraphType>>("endpoint").Resolve(c => c.Source.Endpoint.ToString());
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(c => c.Source.User);
        Field<StringGraphType>("catalog").Resolve(c => c.Source.Catalog);
        Field<StringGraphType>("schema").Resolve(c => c.Source.Schema);
        Field<NonNullGraphType<TrinoAuthenticationGraphType>>("authentication").Resolve(c => c.Source.Authentication);
    }
}

internal sealed class PostgresSslModeGraphType : EnumerationGraphType
{
    public PostgresSslModeGraphType()
    {
        Name = "PostgresSslMode";
        Add("PREFER", PostgresSslMode.Prefer, "TLS when the server offers it.");
        Add("DISABLE", PostgresSslMode.Disable, "Never TLS.");
        Add("REQUIRE", PostgresSslMode.Require, "TLS always, without checking the certificate.");
        Add("VERIFY_FULL", PostgresSslMode.VerifyFull, "TLS always, certificate and host name checked.");
    }
}

internal sealed class TrinoAuthenticationGraphType : EnumerationGraphType
{
    public TrinoAuthenticationGraphType()
    {
        Name = "TrinoAuthentication";
        Add("NONE", TrinoAuthentication.None, "Only the X-Trino-User header.");
        Add("BASIC", TrinoAuthentication.Basic, "HTTP basic authentication; the secret is the password.");
        Add("BEARER", TrinoAuthentication.Bearer, "A bearer token (JWT or OAuth 2.0); the secret is the token.");
    }
}
