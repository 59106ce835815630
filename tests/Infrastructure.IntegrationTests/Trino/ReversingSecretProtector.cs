using Kurobe.Application.Common.Security;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.IntegrationTests.Trino;

/// <summary>A reversible stand-in for the real protector: "enc:" and the reversed secret.</summary>
internal sealed class ReversingSecretProtector : ISecretProtector
{
    private const string Prefix = "enc:";

    public ProtectedSecret Protect(string secret) => new(Prefix + Reverse(secret));

    public string Unprotect(ProtectedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Ciphertext.StartsWith(Prefix, StringComparison.Ordinal)
            ? Reverse(secret.Ciphertext[Prefix.Length..])
            : throw new System.Security.Cryptography.CryptographicException("Not protected by this protector.");
    }

    private static string Reverse(string text) => new([.. text.Reverse()]);
}
