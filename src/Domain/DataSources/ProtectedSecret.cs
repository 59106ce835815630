namespace Kurobe.Domain.DataSources;

/// <summary>A credential in its encrypted, storable form. Only the secret protector can read it back.</summary>
public sealed record ProtectedSecret
{
    public ProtectedSecret(string ciphertext)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ciphertext);
        Ciphertext = ciphertext;
    }

    public string Ciphertext { get; }

    public override string ToString() => "***";
}
