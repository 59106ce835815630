using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Common.Security;

/// <summary>
/// The least role a caller needs for this use case. Every request type carries this or <see cref="AllowAnonymousAttribute"/>
/// (an architecture test checks it), and the mediator pipeline enforces it before validation and the handler.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(Role role) : Attribute
{
    public Role Role { get; } = role;
}

/// <summary>A use case callers may run without credentials, such as logging in.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousAttribute : Attribute;
