using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Common.Security;

/// <summary>Encrypts credentials for storage and decrypts them only where a connection needs them.</summary>
public interface ISecretProtector
{
    ProtectedSecret Protect(string secret);

    /// <summary>Decrypts a stored secret; throws <see cref="System.Security.Cryptography.CryptographicException"/> when it was encrypted with another key or altered.</summary>
    string Unprotect(ProtectedSecret secret);
}
