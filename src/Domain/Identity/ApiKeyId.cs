namespace Kurobe.Domain.Identity;

/// <summary>Identifies an API key (not its secret).</summary>
public readonly record struct ApiKeyId(Guid Value)
{
    public static bool TryParse(string? text, out ApiKeyId id)
    {
        var parsed = Guid.TryParse(text, out var guid);
        id = new ApiKeyId(guid);
        return parsed && guid != Guid.Empty;
    }

    public override string ToString() => Value.ToString("D");
}
