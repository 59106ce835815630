using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.GetMe;

/// <summary>Who the caller is: their tenant, kind, id, name and role.</summary>
[RequiresRole(Role.Viewer)]
public sealed record GetMeQuery : IQuery<MeView>;

/// <summary>The caller as the server sees them.</summary>
public sealed record MeView(TenantId TenantId, string TenantSlug, string TenantName, PrincipalKind Kind, string Id, string Name, Role Role);

public sealed class GetMeQueryHandler(ICurrentPrincipal current, IIdentityStore store) : IQueryHandler<GetMeQuery, MeView>
{
    public async ValueTask<MeView> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var principal = current.Required();
        var tenant = await store.FindTenantAsync(principal.TenantId, cancellationToken)
            ?? throw new UnauthenticatedException("Your tenant no longer exists.");
        return new MeView(tenant.Id, tenant.Slug, tenant.Name, principal.Kind, principal.Id, principal.Name, principal.Role);
    }
}
