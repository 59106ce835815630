using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Kurobe.Application.Identity;

/// <summary>
/// The format of API keys, <c>kb_&lt;lookup id&gt;_&lt;secret&gt;</c>, both parts base62 from a CSPRNG. The lookup id
/// finds the stored key; the secret (43 characters, over 256 bits) is stored only as its SHA-256: a slow hash adds
/// nothing for a secret this random, and each request can afford to check it.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "kb_";
    public const int LookupIdLength = 16;
    public const int SecretLength = 43;
    public const int KeyLength = 3 + LookupIdLength + 1 + SecretLength;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly System.Buffers.SearchValues<char> Base62Characters = System.Buffers.SearchValues.Create(Base62);

    /// <summary>A new key: its full text (shown once), lookup id and secret hash.</summary>
    public static (string Key, string LookupId, byte[] SecretHash) Generate()
    {
        var lookupId = RandomNumberGenerator.GetString(Base62, LookupIdLength);
        var secret = RandomNumberGenerator.GetString(Base62, SecretLength);
        return ($"{Prefix}{lookupId}_{secret}", lookupId, Hash(secret));
    }

    /// <summary>Splits a key into its parts; false when it does not have the format of a Kurobe API key.</summary>
    public static bool TryParse([NotNullWhen(true)] string? key, [NotNullWhen(true)] out string? lookupId, [NotNullWhen(true)] out string? secret)
    {
        lookupId = null;
        secret = null;
        if (key is not { Length: KeyLength }
            || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + LookupIdLength] != '_')
        {
            return false;
        }

        var id = key.AsSpan(Prefix.Length, LookupIdLength);
        var rest = key.AsSpan(Prefix.Length + LookupIdLength + 1);
        if (id.ContainsAnyExcept(Base62Characters) || rest.ContainsAnyExcept(Base62Characters))
        {
            return false;
        }

        lookupId = id.ToString();
        secret = rest.ToString();
        return true;
    }

    public static bool LooksLikeApiKey(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares in constant time, so the time taken says nothing about how much of the secret was right.</summary>
    public static bool Matches(string secret, ReadOnlySpan<byte> storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);
}
