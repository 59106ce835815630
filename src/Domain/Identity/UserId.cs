namespace Kurobe.Domain.Identity;

/// <summary>Identifies a person who can log in; one user may be a member of several tenants.</summary>
public readonly record struct UserId(Guid Value)
{
    public static bool TryParse(string? text, out UserId id)
    {
        var parsed = Guid.TryParse(text, out var guid);
        id = new UserId(guid);
        return parsed && guid != Guid.Empty;
    }

    public override string ToString() => Value.ToString("D");
}
