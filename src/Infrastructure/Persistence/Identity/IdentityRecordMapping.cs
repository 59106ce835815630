using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Infrastructure.Persistence.Identity;

/// <summary>Converts identity rows to the Domain's types and back.</summary>
internal static class IdentityRecordMapping
{
    public static Tenant ToDomain(this TenantRecord r) => new(new TenantId(r.Id), r.Slug, r.Name, r.CreatedAt);

    public static TenantRecord ToRecord(this Tenant t) => new() { Id = t.Id.Value, Slug = t.Slug, Name = t.Name, CreatedAt = t.CreatedAt };

    public static User ToDomain(this UserRecord r) => new(new UserId(r.Id), r.Email, r.DisplayName, r.PasswordHash, r.CreatedAt);

    public static UserRecord ToRecord(this User u) =>
        new() { Id = u.Id.Value, Email = u.Email, DisplayName = u.DisplayName, PasswordHash = u.PasswordHash, CreatedAt = u.CreatedAt };

    public static Membership ToDomain(this MembershipRecord r) =>
        new(new TenantId(r.TenantId), new UserId(r.UserId), Enum.Parse<Role>(r.Role, ignoreCase: true), r.CreatedAt);

    public static MembershipRecord ToRecord(this Membership m) =>
        new() { TenantId = m.TenantId.Value, UserId = m.UserId.Value, Role = RoleText(m.Role), CreatedAt = m.CreatedAt };

    public static ApiKey ToDomain(this ApiKeyRecord r) => ApiKey.Restore(
        new ApiKeyId(r.Id), new TenantId(r.TenantId), r.Name, Enum.Parse<Role>(r.Role, ignoreCase: true), r.LookupId, r.SecretHash,
        r.CreatedBy, r.CreatedAt, r.ExpiresAt, r.RevokedAt, r.LastUsedAt);

    public static ApiKeyRecord ToRecord(this ApiKey k) => new()
    {
        Id = k.Id.Value,
        TenantId = k.TenantId.Value,
        Name = k.Name,
        Role = RoleText(k.Role),
        LookupId = k.LookupId,
        SecretHash = k.SecretHash.ToArray(),
        CreatedBy = k.CreatedBy,
        CreatedAt = k.CreatedAt,
        ExpiresAt = k.ExpiresAt,
        RevokedAt = k.RevokedAt,
        LastUsedAt = k.LastUsedAt,
    };

#pragma warning disable CA1308 // Stored as a lower-case word, like the other enums in the store.
    public static string RoleText(Role role) => role.ToString().ToLowerInvariant();
#pragma warning restore CA1308
}
