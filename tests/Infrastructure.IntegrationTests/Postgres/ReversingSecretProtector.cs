using System.Security.Cryptography;
using Kurobe.Application.Common.Security;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.IntegrationTests.Postgres;

/// <summary>A reversible stand-in for the real protector: enough to prove the connector decrypts the secret it is given.</summary>
internal sealed class ReversingSecretProtector : ISecretProtector
{
    private const string Prefix = "enc:";

    public ProtectedSecret Protect(string secret) => new(Prefix + new string(secret.Reverse().ToArray()));

    public string Unprotect(ProtectedSecret secret) =>
        secret.Ciphertext.StartsWith(Prefix, StringComparison.Ordinal)
            ? new string(secret.Ciphertext[Prefix.Length..].Reverse().ToArray())
            : throw new CryptographicException("Not protected by this protector.");
}
