using System.Security.Cryptography;
using System.Text;
using Kurobe.Application.Common.Security;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.Security;

/// <summary>
/// AES-256-GCM with a fresh nonce per secret. The ciphertext names its key (<c>v1.&lt;key id&gt;.&lt;base64&gt;</c>), so
/// secrets written before a key rotation decrypt with the previous key while new ones use the current key.
/// </summary>
internal sealed class AesGcmSecretProtector : ISecretProtector, IDisposable
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly SecretKey _current;
    private readonly Dictionary<string, SecretKey> _keys;

    public AesGcmSecretProtector(SecretKeyRing keyRing)
    {
        _current = new SecretKey(keyRing.Current);
        _keys = new Dictionary<string, SecretKey>(StringComparer.Ordinal) { [_current.Id] = _current };
        foreach (var previous in keyRing.Previous)
        {
            var key = new SecretKey(previous);
            _keys.TryAdd(key.Id, key);
        }
    }

    public ProtectedSecret Protect(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var payload = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _current.Aes.Encrypt(nonce, plaintext, payload.AsSpan(NonceSize + TagSize), payload.AsSpan(NonceSize, TagSize), AssociatedData(_current.Id));
        return new ProtectedSecret($"{Version}.{_current.Id}.{Convert.ToBase64String(payload)}");
    }

    public string Unprotect(ProtectedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var parts = secret.Ciphertext.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("The stored secret is not in a format this server understands.");
        }

        if (!_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException("The stored secret was encrypted with a key this server does not have.");
        }

        var payload = Convert.FromBase64String(parts[2]);
        if (payload.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored secret is damaged.");
        }

        var plaintext = new byte[payload.Length - NonceSize - TagSize];
        key.Aes.Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize + TagSize), payload.AsSpan(NonceSize, TagSize), plaintext, AssociatedData(key.Id));
        return Encoding.UTF8.GetString(plaintext);
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Aes.Dispose();
        }
    }

    private static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes($"{Version}.{keyId}");

    private sealed class SecretKey
    {
        public SecretKey(byte[] material)
        {
            if (material.Length != 32)
            {
                throw new CryptographicException("An encryption key must be 32 bytes (base64 of 32 random bytes).");
            }

            Id = Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 4));
            Aes = new AesGcm(material, TagSize);
        }

        public string Id { get; }

        public AesGcm Aes { get; }
    }
}
