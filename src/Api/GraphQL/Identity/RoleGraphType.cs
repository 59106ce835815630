using GraphQL.Types;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Api.GraphQL.Identity;

internal sealed class RoleGraphType : EnumerationGraphType
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "What a member or key may do in its tenant. Each role includes everything the roles below it may do.";
        Add("VIEWER", Role.Viewer, "Reads dashboards, results, data sources and engines.");
        Add("ANALYST", Role.Analyst, "Also runs queries, asks questions and saves queries.");
        Add("ADMIN", Role.Admin, "Also manages data sources, API keys, engines and semantic models.");
        Add("OWNER", Role.Owner, "Also manages members and the tenant itself.");
    }
}
