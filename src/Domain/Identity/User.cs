using Kurobe.Domain.Common;

namespace Kurobe.Domain.Identity;

/// <summary>A person. Signs in with a password (local users) or through an external identity provider's tokens.</summary>
public sealed class User
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 200;

    public User(UserId id, string email, string displayName, string? passwordHash, DateTimeOffset createdAt)
    {
        var normalized = NormalizeEmail(email);
        if (normalized.Length is 0 or > MaxEmailLength || normalized.IndexOf('@', StringComparison.Ordinal) is < 1 || normalized.EndsWith('@'))
        {
            throw new DomainRuleException($"'{email}' is not a valid email address.");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > MaxDisplayNameLength)
        {
            throw new DomainRuleException($"A display name is 1 to {MaxDisplayNameLength} characters.");
        }

        Id = id;
        Email = normalized;
        DisplayName = displayName.Trim();
        PasswordHash = passwordHash;
        CreatedAt = createdAt;
    }

    public UserId Id { get; }

    /// <summary>Unique, trimmed and lower-cased.</summary>
    public string Email { get; }

    public string DisplayName { get; }

    /// <summary>A bcrypt hash, or null for a user who signs in only through an external identity provider.</summary>
    public string? PasswordHash { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Emails compare case-insensitively in practice; they are stored in one form so the unique index agrees.</summary>
    public static string NormalizeEmail(string email) => (email ?? string.Empty).Trim().ToLowerInvariant();
}
