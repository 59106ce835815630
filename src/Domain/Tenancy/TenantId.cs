namespace Kurobe.Domain.Tenancy;

/// <summary>Identifies a tenant: the unit of isolation. Nothing a tenant owns is visible to another.</summary>
public readonly record struct TenantId(Guid Value)
{
    public static bool TryParse(string? text, out TenantId id)
    {
        var parsed = Guid.TryParse(text, out var guid);
        id = new TenantId(guid);
        return parsed && guid != Guid.Empty;
    }

    public override string ToString() => Value.ToString("D");
}
