namespace Kurobe.Application.Identity.Ports;

/// <summary>Hashes and checks passwords with a slow, salted algorithm.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>Checks a password; with a null hash (an unknown user) it does the same work and returns false.</summary>
    bool Verify(string password, string? hash);
}
