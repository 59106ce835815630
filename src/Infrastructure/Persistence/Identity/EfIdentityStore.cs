using Kurobe.Application.Common.Errors;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence.Identity;

/// <summary>
/// Tenants, users, memberships and API keys in the metadata store. Reads are untracked; writes update only the
/// columns a use case changes (revocation, last use, role).
/// </summary>
internal sealed class EfIdentityStore(KurobeDbContext context) : IIdentityStore
{
    public async Task<ApiKey?> FindApiKeyByLookupIdAsync(string lookupId, CancellationToken cancellationToken)
    {
        var record = await context.ApiKeys.AsNoTracking().SingleOrDefaultAsync(r => r.LookupId == lookupId, cancellationToken);
        return record?.ToDomain();
    }

    public async Task<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var record = await context.Users.AsNoTracking().SingleOrDefaultAsync(r => r.Email == email, cancellationToken);
        return record?.ToDomain();
    }

    public async Task<Tenant?> FindTenantAsync(TenantId id, CancellationToken cancellationToken)
    {
        var record = await context.Tenants.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id.Value, cancellationToken);
        return record?.ToDomain();
    }

    public async Task<Tenant?> FindTenantBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var record = await context.Tenants.AsNoTracking().SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        return record?.ToDomain();
    }

    public Task<bool> AnyTenantAsync(CancellationToken cancellationToken) => context.Tenants.AnyAsync(cancellationToken);

    public async Task<bool> TryCreateTenantAsync(Tenant tenant, ApiKey ownerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(ownerKey);
        context.Tenants.Add(tenant.ToRecord());
        context.ApiKeys.Add(ownerKey.ToRecord());
        try
        {
            // One SaveChanges is one transaction: the tenant never exists without its key.
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Matches(exception, out _))
        {
            context.ChangeTracker.Clear();
            return false;
        }
    }

    public Task RecordApiKeyUseAsync(ApiKeyId id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stamp = TimestampsInterceptor.Normalize(at);
        return context.ApiKeys.Where(r => r.Id == id.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastUsedAt, stamp), cancellationToken);
    }

    public async Task<Membership?> FindMembershipAsync(TenantId tenantId, UserId userId, CancellationToken cancellationToken)
    {
        var record = await context.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(r => r.TenantId == tenantId.Value && r.UserId == userId.Value, cancellationToken);
        return record?.ToDomain();
    }

    public async Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        context.ApiKeys.Add(key.ToRecord());
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var records = await context.ApiKeys.AsNoTracking().Where(r => r.TenantId == tenantId.Value).ToListAsync(cancellationToken);
        return [.. records.Select(r => r.ToDomain())];
    }

    public async Task<ApiKey?> FindApiKeyAsync(TenantId tenantId, ApiKeyId id, CancellationToken cancellationToken)
    {
        var record = await context.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(r => r.TenantId == tenantId.Value && r.Id == id.Value, cancellationToken);
        return record?.ToDomain();
    }

    public async Task UpdateApiKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var record = await context.ApiKeys.SingleOrDefaultAsync(r => r.TenantId == key.TenantId.Value && r.Id == key.Id.Value, cancellationToken)
            ?? throw new NotFoundException($"No API key with id '{key.Id}'.");
        record.RevokedAt = key.RevokedAt;
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task AddUserAsync(User user, Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(membership);
        context.Users.Add(user.ToRecord());
        context.Memberships.Add(membership.ToRecord());
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Matches(exception, out _))
        {
            context.ChangeTracker.Clear();
            throw new ConflictException($"A user with the email '{user.Email}' already exists.", exception);
        }
    }

    public async Task<IReadOnlyList<Member>> ListMembersAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var rows = await (
                from m in context.Memberships.AsNoTracking()
                join u in context.Users.AsNoTracking() on m.UserId equals u.Id
                where m.TenantId == tenantId.Value
                select new { User = u, Membership = m })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Member(r.User.ToDomain(), r.Membership.ToDomain()))];
    }

    public async Task UpdateMembershipAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var record = await FindMembershipRecordAsync(membership, cancellationToken);
        record.Role = IdentityRecordMapping.RoleText(membership.Role);
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveMembershipAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        context.Memberships.Remove(await FindMembershipRecordAsync(membership, cancellationToken));
        await context.SaveChangesAsync(cancellationToken);
    }

    private async Task<MembershipRecord> FindMembershipRecordAsync(Membership membership, CancellationToken cancellationToken) =>
        await context.Memberships.SingleOrDefaultAsync(
            r => r.TenantId == membership.TenantId.Value && r.UserId == membership.UserId.Value, cancellationToken)
        ?? throw new NotFoundException($"No member with user id '{membership.UserId}' in this tenant.");
}
