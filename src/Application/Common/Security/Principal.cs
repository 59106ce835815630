using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Common.Security;

/// <summary>The authenticated caller of one operation, in one tenant.</summary>
/// <param name="TenantId">The tenant the caller acts in.</param>
/// <param name="Kind">A user or an API key.</param>
/// <param name="Id">The user's or key's stable id.</param>
/// <param name="Name">A display name: the user's name or email, or the key's name.</param>
/// <param name="Role">The caller's role in the tenant.</param>
public sealed record Principal(TenantId TenantId, PrincipalKind Kind, string Id, string Name, Role Role)
{
    public bool IsAtLeast(Role role) => Role >= role;
}
