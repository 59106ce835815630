using Kurobe.Domain.Common;

namespace Kurobe.Domain.DataSources;

/// <summary>How to reach a data source, without its secret. Each kind of engine has its own shape.</summary>
public abstract record DataSourceConnection
{
    public abstract DataSourceKind Kind { get; }

    /// <summary>Where the data lives, for display: a file name or a host. Never a secret.</summary>
    public abstract string Target { get; }
}

/// <summary>A DuckDB database file, opened read-only.</summary>
public sealed record DuckDbConnection : DataSourceConnection
{
    public DuckDbConnection(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DomainRuleException("A DuckDB data source needs the path of its database file.");
        }

        Path = path;
    }

    public string Path { get; }

    public override DataSourceKind Kind => DataSourceKind.DuckDb;

    public override string Target => System.IO.Path.GetFileName(Path);
}

/// <summary>A PostgreSQL database, reached as a user whose password is the source's secret.</summary>
public sealed record PostgresConnection : DataSourceConnection
{
    public const int DefaultPort = 5432;

    public PostgresConnection(string host, int port, string database, string username, PostgresSslMode sslMode)
    {
        Host = Required(host, "host");
        Database = Required(database, "database");
        Username = Required(username, "username");
        Port = port is >= 1 and <= 65535 ? port : throw new DomainRuleException("A port must be between 1 and 65535.");
        SslMode = sslMode;
    }

    public string Host { get; }

    public int Port { get; }

    public string Database { get; }

    public string Username { get; }

    public PostgresSslMode SslMode { get; }

    public override DataSourceKind Kind => DataSourceKind.Postgres;

    public override string Target => $"{Host}:{Port}/{Database}";

    private static string Required(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleException($"A PostgreSQL data source needs a {what}.") : value.Trim();
}

public enum PostgresSslMode
{
    Prefer,
    Disable,
    Require,
    VerifyFull,
}

/// <summary>A Trino coordinator, queried over its HTTP protocol as <see cref="User"/>.</summary>
public sealed record TrinoConnection : DataSourceConnection
{
    public TrinoConnection(Uri endpoint, string user, string? catalog, string? schema, TrinoAuthentication authentication)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainRuleException("A Trino endpoint must be an absolute http or https URL.");
        }

        if (!string.IsNullOrEmpty(endpoint.UserInfo))
        {
            throw new DomainRuleException("A Trino endpoint must not carry credentials; set them as the data source's secret.");
        }

        if (string.IsNullOrWhiteSpace(user))
        {
            throw new DomainRuleException("A Trino data source needs a user.");
        }

        if (schema is not null && catalog is null)
        {
            throw new DomainRuleException("A Trino schema needs a catalog.");
        }

        Endpoint = endpoint;
        User = user.Trim();
        Catalog = string.IsNullOrWhiteSpace(catalog) ? null : catalog.Trim();
        Schema = string.IsNullOrWhiteSpace(schema) ? null : schema.Trim();
        Authentication = authentication;
    }

    public Uri Endpoint { get; }

    public string User { get; }

    public string? Catalog { get; }

    public string? Schema { get; }

    /// <summary>How the secret is presented: a password for basic authentication, a token for bearer.</summary>
    public TrinoAuthentication Authentication { get; }

    public override DataSourceKind Kind => DataSourceKind.Trino;

    public override string Target => Endpoint.GetLeftPart(UriPartial.Authority);
}

public enum TrinoAuthentication
{
    None,
    Basic,
    Bearer,
}
