using Kurobe.Application.Common.Errors;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Common.Security;

public static class PrincipalRequirements
{
    /// <summary>The caller, when their role is at least <paramref name="role"/>; throws <see cref="ForbiddenException"/> otherwise.</summary>
    public static Principal RequireRole(this ICurrentPrincipal current, Role role)
    {
        ArgumentNullException.ThrowIfNull(current);
        var principal = current.Required();
        return principal.IsAtLeast(role)
            ? principal
            : throw new ForbiddenException($"This needs the {role} role; you are {principal.Role}.");
    }
}
