using Kurobe.Domain.Common;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Domain.DataSources;

/// <summary>A database Kurobe can query, and how to reach it.</summary>
public sealed class DataSource
{
    public DataSource(
        TenantId tenantId,
        DataSourceId id,
        DataSourceName name,
        DataSourceConnection connection,
        DataSourceOrigin origin,
        DateTimeOffset createdAt,
        bool isDefault = false,
        ProtectedSecret? secret = null,
        DataSourceLimits? limits = null)
    {
        if (connection.Kind == DataSourceKind.DuckDb && secret is not null)
        {
            throw new DomainRuleException("A DuckDB data source has no secret.");
        }

        ArgumentNullException.ThrowIfNull(connection);
        TenantId = tenantId;
        Id = id;
        Name = name;
        Connection = connection;
        Origin = origin;
        IsDefault = isDefault;
        Secret = secret;
        Limits = limits ?? DataSourceLimits.ServerDefaults;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Revision = 1;
    }

    /// <summary>The tenant that owns the source; no other tenant sees it.</summary>
    public TenantId TenantId { get; }

    public DataSourceId Id { get; }

    public DataSourceName Name { get; private set; }

    public DataSourceKind Kind => Connection.Kind;

    public DataSourceConnection Connection { get; private set; }

    /// <summary>Where the data lives, for display. Never a secret.</summary>
    public string ConnectionTarget => Connection.Target;

    /// <summary>The password or token, encrypted; never leaves the server.</summary>
    public ProtectedSecret? Secret { get; private set; }

    public bool HasSecret => Secret is not null;

    public DataSourceLimits Limits { get; private set; }

    /// <summary>Used when a request names no source.</summary>
    public bool IsDefault { get; }

    public DataSourceOrigin Origin { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Counts changes to how the source is reached; pooled connections and cached results of older revisions are stale.</summary>
    public int Revision { get; private set; }

    public void Rename(DataSourceName name, DateTimeOffset at)
    {
        EnsureEditable();
        Name = name;
        UpdatedAt = at;
    }

    public void Reconnect(DataSourceConnection connection, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(connection);
        EnsureEditable();
        if (connection.Kind != Kind)
        {
            throw new DomainRuleException($"A {Kind} data source cannot become a {connection.Kind} one; create a new source instead.");
        }

        if (connection != Connection)
        {
            Connection = connection;
            Touch(at);
        }
    }

    public void ReplaceSecret(ProtectedSecret? secret, DateTimeOffset at)
    {
        EnsureEditable();
        if (Kind == DataSourceKind.DuckDb && secret is not null)
        {
            throw new DomainRuleException("A DuckDB data source has no secret.");
        }

        Secret = secret;
        Touch(at);
    }

    public void ChangeLimits(DataSourceLimits limits, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(limits);
        EnsureEditable();
        Limits = limits;
        UpdatedAt = at;
    }

    /// <summary>Rebuilds a stored source exactly as it was saved.</summary>
    public static DataSource Restore(
        TenantId tenantId,
        DataSourceId id,
        DataSourceName name,
        DataSourceConnection connection,
        ProtectedSecret? secret,
        DataSourceLimits limits,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        int revision) =>
        new(tenantId, id, name, connection, DataSourceOrigin.Api, createdAt)
        {
            Secret = secret,
            Limits = limits,
            UpdatedAt = updatedAt,
            Revision = revision,
        };

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Revision++;
    }

    private void EnsureEditable()
    {
        if (Origin == DataSourceOrigin.Configuration)
        {
            throw new DomainRuleException($"The data source '{Name}' is declared in the server's configuration; change it there.");
        }
    }
}
