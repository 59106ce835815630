using Kurobe.Domain.Tenancy;

namespace Kurobe.Domain.Identity;

/// <summary>A user's place in a tenant: what they may do there.</summary>
public sealed class Membership(TenantId tenantId, UserId userId, Role role, DateTimeOffset createdAt)
{
    public TenantId TenantId { get; } = tenantId;

    public UserId UserId { get; } = userId;

    public Role Role { get; private set; } = role;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public void ChangeRole(Role role) => Role = role;
}
