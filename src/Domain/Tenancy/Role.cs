namespace Kurobe.Domain.Tenancy;

/// <summary>What a member of a tenant may do. Each role includes everything the roles below it may do.</summary>
public enum Role
{
    /// <summary>Reads dashboards, results, data sources and engines.</summary>
    Viewer = 0,

    /// <summary>Also runs queries, asks questions and saves queries.</summary>
    Analyst = 1,

    /// <summary>Also manages data sources, API keys, engines and semantic models.</summary>
    Admin = 2,

    /// <summary>Also manages members and the tenant itself.</summary>
    Owner = 3,
}
