using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Identity;

/// <summary>What clients see of an API key: never its secret or hash.</summary>
public sealed record ApiKeyView(
    ApiKeyId Id,
    string Name,
    Role Role,
    string Prefix,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public static ApiKeyView From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Role, key.Prefix, key.CreatedBy, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
    }
}
