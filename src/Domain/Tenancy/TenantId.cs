namespace Kurobe.Domain.Tenancy;

/// <summary>Identifies a tenant: the unit of isolation. Nothing a tenant owns is visible to another.</summary>
public readonly record struct TenantId(Guid Value)
{
    /// <summary>
    /// The tenant <c>default</c> that a new install creates for itself. Its id is fixed so that sources declared in
    /// configuration (such as the demo) can belong to it before any store is read.
    /// </summary>
    public static readonly TenantId Default = new(new Guid("0193a1f0-0000-7000-8000-000000000001"));

    public static bool TryParse(string? text, out TenantId id)
    {
        var parsed = Guid.TryParse(text, out var guid);
        id = new TenantId(guid);
        return parsed && guid != Guid.Empty;
    }

    public override string ToString() => Value.ToString("D");
}
