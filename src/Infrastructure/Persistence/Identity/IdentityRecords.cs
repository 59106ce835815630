namespace Kurobe.Infrastructure.Persistence.Identity;

/// <summary>A row of <c>tenants</c>.</summary>
internal sealed class TenantRecord : IHasTimestamps
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A row of <c>users</c>.</summary>
internal sealed class UserRecord : IHasTimestamps
{
    public Guid Id { get; set; }

    /// <summary>Normalised (trimmed, lower-case): the unique index compares it as stored.</summary>
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>A bcrypt hash; null for users of an external identity provider.</summary>
    public string? PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A row of <c>memberships</c>: a user's role in a tenant.</summary>
internal sealed class MembershipRecord : IHasTimestamps
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public string Role { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A row of <c>api_keys</c>. Only the secret's hash is stored.</summary>
internal sealed class ApiKeyRecord : IHasTimestamps
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>The public part of the key, unique: how a presented key is found.</summary>
    public string LookupId { get; set; } = "";

#pragma warning disable CA1819 // A row's column: EF maps byte[] to bytea/blob.
    public byte[] SecretHash { get; set; } = [];
#pragma warning restore CA1819

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
