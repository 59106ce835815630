using Kurobe.Domain.Common;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Domain.Identity;

/// <summary>
/// A credential for programs, acting in one tenant with one role. Only a hash of its secret is kept: the full key is
/// shown once, when it is created.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 100;

    /// <summary>How often using a key is written down at most: a busy key must not turn every request into a write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public ApiKey(
        ApiKeyId id,
        TenantId tenantId,
        string name,
        Role role,
        string lookupId,
        byte[] secretHash,
        string createdBy,
        DateTimeOffset createdAt,
        DateTimeOffset? expiresAt)
        : this(id, tenantId, name?.Trim() ?? string.Empty, role, lookupId, secretHash, createdBy, createdAt, expiresAt, null, null)
    {
        if (Name.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException($"An API key's name is 1 to {MaxNameLength} characters.");
        }

        if (expiresAt is { } expiry && expiry <= createdAt)
        {
            throw new DomainRuleException("An API key's expiry must be in the future.");
        }

        ArgumentException.ThrowIfNullOrEmpty(lookupId);
        ArgumentNullException.ThrowIfNull(secretHash);
    }

    private ApiKey(
        ApiKeyId id, TenantId tenantId, string name, Role role, string lookupId, byte[] secretHash, string createdBy,
        DateTimeOffset createdAt, DateTimeOffset? expiresAt, DateTimeOffset? revokedAt, DateTimeOffset? lastUsedAt)
    {
        Id = id;
        TenantId = tenantId;
        Name = name;
        Role = role;
        LookupId = lookupId;
        SecretHash = secretHash;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        RevokedAt = revokedAt;
        LastUsedAt = lastUsedAt;
    }

    public ApiKeyId Id { get; }

    public TenantId TenantId { get; }

    public string Name { get; }

    public Role Role { get; }

    /// <summary>The public part of the key (<c>kb_&lt;lookup id&gt;_...</c>): finds the key without its secret.</summary>
    public string LookupId { get; }

    /// <summary>The hash of the secret part; never the secret.</summary>
    public ReadOnlyMemory<byte> SecretHash { get; }

    /// <summary>Who created it: a principal's kind and id, for example <c>User:…</c>, or <c>bootstrap</c>.</summary>
    public string CreatedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>What a client sees of the key: its prefix, enough to tell keys apart.</summary>
    public string Prefix => $"kb_{LookupId}";

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;

    public bool IsUsable(DateTimeOffset now) => !IsRevoked && !IsExpired(now);

    /// <summary>Revokes the key; revoking it again changes nothing.</summary>
    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    /// <summary>True when <paramref name="now"/> should be written down as the last use (at most once per <see cref="LastUsedResolution"/>).</summary>
    public bool ShouldRecordUse(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= LastUsedResolution;

    public void RecordUse(DateTimeOffset at) => LastUsedAt = at;

    /// <summary>Rebuilds a stored key (which may have expired since it was created).</summary>
    public static ApiKey Restore(
        ApiKeyId id, TenantId tenantId, string name, Role role, string lookupId, byte[] secretHash, string createdBy,
        DateTimeOffset createdAt, DateTimeOffset? expiresAt, DateTimeOffset? revokedAt, DateTimeOffset? lastUsedAt) =>
        new(id, tenantId, name, role, lookupId, secretHash, createdBy, createdAt, expiresAt, revokedAt, lastUsedAt);
}
