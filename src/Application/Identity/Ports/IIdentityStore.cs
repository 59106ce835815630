using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Identity.Ports;

/// <summary>A member of a tenant: the user and their membership.</summary>
public sealed record Member(User User, Membership Membership);

/// <summary>
/// Tenants, users, memberships and API keys. The methods in the first group run before the caller's tenant is known
/// (to authenticate them): they are the only ones that may look across tenants, and a store that isolates tenants
/// (row-level security) must let exactly these through. Every other method is given its tenant.
/// </summary>
public interface IIdentityStore
{
    // Before the tenant is known.

    /// <summary>The key whose public lookup id this is, in whatever tenant.</summary>
    Task<ApiKey?> FindApiKeyByLookupIdAsync(string lookupId, CancellationToken cancellationToken);

    /// <summary>The user with this (normalised) email.</summary>
    Task<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken);

    Task<Tenant?> FindTenantAsync(TenantId id, CancellationToken cancellationToken);

    Task<Tenant?> FindTenantBySlugAsync(string slug, CancellationToken cancellationToken);

    Task<bool> AnyTenantAsync(CancellationToken cancellationToken);

    /// <summary>Creates a tenant with its first key, atomically; false when a tenant with the slug already exists.</summary>
    Task<bool> TryCreateTenantAsync(Tenant tenant, ApiKey ownerKey, CancellationToken cancellationToken);

    /// <summary>Writes down when a key was last used (authentication does this before the tenant is set).</summary>
    Task RecordApiKeyUseAsync(ApiKeyId id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The user's membership of the tenant (at login, before the tenant is set).</summary>
    Task<Membership?> FindMembershipAsync(TenantId tenantId, UserId userId, CancellationToken cancellationToken);

    // Within a tenant.

    Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(TenantId tenantId, CancellationToken cancellationToken);

    Task<ApiKey?> FindApiKeyAsync(TenantId tenantId, ApiKeyId id, CancellationToken cancellationToken);

    /// <summary>Saves a key's revocation.</summary>
    Task UpdateApiKeyAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>Adds a new user and their membership of a tenant; throws ConflictException when the email is taken.</summary>
    Task AddUserAsync(User user, Membership membership, CancellationToken cancellationToken);

    Task<IReadOnlyList<Member>> ListMembersAsync(TenantId tenantId, CancellationToken cancellationToken);

    Task UpdateMembershipAsync(Membership membership, CancellationToken cancellationToken);

    Task RemoveMembershipAsync(Membership membership, CancellationToken cancellationToken);
}
