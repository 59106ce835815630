namespace Kurobe.Infrastructure.Security;

/// <summary>The keys that encrypt data source credentials at rest.</summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Kurobe:Secrets";

    /// <summary>
    /// The current key: 32 random bytes, base64 (<c>openssl rand -base64 32</c>). When unset, a key is generated on
    /// first start into <see cref="KeyFileName"/> in the data directory, readable by the owner only.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Keys used before a rotation: secrets they encrypted still decrypt; new ones use the current key.</summary>
    public IList<string> PreviousKeys { get; } = [];

    public const string KeyFileName = "secrets.key";
}
