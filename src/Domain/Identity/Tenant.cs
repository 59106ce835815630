using Kurobe.Domain.Common;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Domain.Identity;

/// <summary>An organisation using Kurobe: its members, keys and everything they create belong to it alone.</summary>
public sealed class Tenant
{
    /// <summary>The slug of the tenant created on first start.</summary>
    public const string DefaultSlug = "default";

    public const int MaxSlugLength = 63;

    public Tenant(TenantId id, string slug, string name, DateTimeOffset createdAt)
    {
        if (!IsValidSlug(slug))
        {
            throw new DomainRuleException($"'{slug}' is not a valid tenant slug: use 1 to {MaxSlugLength} lowercase letters, digits and dashes, starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("A tenant needs a name.");
        }

        Id = id;
        Slug = slug;
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public TenantId Id { get; }

    /// <summary>A short unique name, used in URLs and at login (for example <c>default</c>).</summary>
    public string Slug { get; }

    public string Name { get; }

    public DateTimeOffset CreatedAt { get; }

    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= MaxSlugLength }
        && char.IsAsciiLetterLower(slug[0]) | char.IsAsciiDigit(slug[0])
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
