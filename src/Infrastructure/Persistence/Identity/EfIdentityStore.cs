using Kurobe.Application.Common.Errors;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence.Identity;

/// <summary>
/// Tenants, users, memberships and API keys in the metadata store. Reads are untracked; writes update only the
/// columns a use case changes (revocation, last use, role). Lookups made before a caller's tenant is known go, on
/// PostgreSQL, through security-definer functions (row-level security hides every tenant's rows from the app role
/// until then); everything else runs in the caller's tenant transaction.
/// </summary>
internal sealed class EfIdentityStore(KurobeDbContext context) : IIdentityStore
{
    private bool OnPostgres => context.Provider == MetadataStoreProvider.Postgres;

    public async Task<ApiKey?> FindApiKeyByLookupIdAsync(string lookupId, CancellationToken cancellationToken)
    {
        var keys = OnPostgres ? context.ApiKeys.FromSql($"SELECT * FROM kurobe_find_api_key({lookupId})") : context.ApiKeys;
        var record = await Untenanted(token => keys.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.LookupId == lookupId, token), cancellationToken);
        return record?.ToDomain();
    }

    public async Task<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var users = OnPostgres ? context.Users.FromSql($"SELECT * FROM kurobe_find_user_by_email({email})") : context.Users;
        var record = await Untenanted(token => users.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.Email == email, token), cancellationToken);
        return record?.ToDomain();
    }

    public async Task<Tenant?> FindTenantAsync(TenantId id, CancellationToken cancellationToken)
    {
        var tenants = OnPostgres ? context.Tenants.FromSql($"SELECT * FROM kurobe_find_tenant({id.Value})") : context.Tenants;
        var record = await Untenanted(token => tenants.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id.Value, token), cancellationToken);
        return record?.ToDomain();
    }

    public async Task<Tenant?> FindTenantBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var tenants = OnPostgres ? context.Tenants.FromSql($"SELECT * FROM kurobe_find_tenant_by_slug({slug})") : context.Tenants;
        var record = await Untenanted(token => tenants.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.Slug == slug, token), cancellationToken);
        return record?.ToDomain();
    }

    public Task<bool> AnyTenantAsync(CancellationToken cancellationToken) => OnPostgres
        ? Untenanted(token => context.Database.SqlQuery<bool>($"SELECT kurobe_any_tenant() AS \"Value\"").SingleAsync(token), cancellationToken)
        : Untenanted(token => context.Tenants.IgnoreQueryFilters().AnyAsync(token), cancellationToken);

    public async Task<bool> TryCreateTenantAsync(Tenant tenant, ApiKey ownerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(ownerKey);
        context.Tenants.Add(tenant.ToRecord());
        context.ApiKeys.Add(ownerKey.ToRecord());
        try
        {
            // One transaction, in the new tenant: the tenant never exists without its key.
            using (context.ActFor(tenant.Id.Value))
            {
                await context.InTenantTransactionAsync(token => context.SaveChangesAsync(token), cancellationToken);
            }

            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Matches(exception, out _))
        {
            return false;
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }

    public Task RecordApiKeyUseAsync(ApiKeyId id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stamp = TimestampsInterceptor.Normalize(at);
        return OnPostgres
            ? Untenanted(token => context.Database.ExecuteSqlAsync($"SELECT kurobe_touch_api_key({id.Value}, {stamp})", token), cancellationToken)
            : Untenanted(
                token => context.ApiKeys.IgnoreQueryFilters().Where(r => r.Id == id.Value).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastUsedAt, stamp), token),
                cancellationToken);
    }

    public async Task<Membership?> FindMembershipAsync(TenantId tenantId, UserId userId, CancellationToken cancellationToken)
    {
        MembershipRecord? record;
        using (context.ActFor(tenantId.Value))
        {
            record = await context.InTenantTransactionAsync(
                token => context.Memberships.AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == tenantId.Value && r.UserId == userId.Value, token),
                cancellationToken);
        }

        return record?.ToDomain();
    }

    public async Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        context.ApiKeys.Add(key.ToRecord());
        try
        {
            await context.InTenantTransactionAsync(token => context.SaveChangesAsync(token), cancellationToken);
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var records = await context.InTenantTransactionAsync(
            token => context.ApiKeys.AsNoTracking().Where(r => r.TenantId == tenantId.Value).ToListAsync(token), cancellationToken);
        return [.. records.Select(r => r.ToDomain())];
    }

    public async Task<ApiKey?> FindApiKeyAsync(TenantId tenantId, ApiKeyId id, CancellationToken cancellationToken)
    {
        var record = await context.InTenantTransactionAsync(
            token => context.ApiKeys.AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == tenantId.Value && r.Id == id.Value, token),
            cancellationToken);
        return record?.ToDomain();
    }

    public Task UpdateApiKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return context.InTenantTransactionAsync(
            async token =>
            {
                var record = await context.ApiKeys.SingleOrDefaultAsync(r => r.TenantId == key.TenantId.Value && r.Id == key.Id.Value, token)
                    ?? throw new NotFoundException($"No API key with id '{key.Id}'.");
                record.RevokedAt = key.RevokedAt;
                return await context.SaveChangesAsync(token);
            },
            cancellationToken);
    }

    public async Task AddUserAsync(User user, Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(membership);
        context.Users.Add(user.ToRecord());
        context.Memberships.Add(membership.ToRecord());
        try
        {
            await context.InTenantTransactionAsync(token => context.SaveChangesAsync(token), cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Matches(exception, out _))
        {
            throw new ConflictException($"A user with the email '{user.Email}' already exists.", exception);
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyList<Member>> ListMembersAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var rows = await context.InTenantTransactionAsync(
            token => (
                    from m in context.Memberships.AsNoTracking()
                    join u in context.Users.AsNoTracking() on m.UserId equals u.Id
                    where m.TenantId == tenantId.Value
                    select new { User = u, Membership = m })
                .ToListAsync(token),
            cancellationToken);
        return [.. rows.Select(r => new Member(r.User.ToDomain(), r.Membership.ToDomain()))];
    }

    public Task UpdateMembershipAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return context.InTenantTransactionAsync(
            async token =>
            {
                var record = await FindMembershipRecordAsync(membership, token);
                record.Role = IdentityRecordMapping.RoleText(membership.Role);
                return await context.SaveChangesAsync(token);
            },
            cancellationToken);
    }

    public Task RemoveMembershipAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return context.InTenantTransactionAsync(
            async token =>
            {
                context.Memberships.Remove(await FindMembershipRecordAsync(membership, token));
                return await context.SaveChangesAsync(token);
            },
            cancellationToken);
    }

    /// <summary>A lookup made before the tenant is known: in a transaction of its own, with no tenant set.</summary>
    private async Task<T> Untenanted<T>(Func<CancellationToken, Task<T>> lookup, CancellationToken cancellationToken)
    {
        using (context.ActFor(Guid.Empty))
        {
            return await context.InTenantTransactionAsync(lookup, cancellationToken);
        }
    }

    private async Task<MembershipRecord> FindMembershipRecordAsync(Membership membership, CancellationToken cancellationToken) =>
        await context.Memberships.SingleOrDefaultAsync(
            r => r.TenantId == membership.TenantId.Value && r.UserId == membership.UserId.Value, cancellationToken)
        ?? throw new NotFoundException($"No member with user id '{membership.UserId}' in this tenant.");
}
