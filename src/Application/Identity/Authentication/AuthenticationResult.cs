using Kurobe.Application.Common.Security;

namespace Kurobe.Application.Identity.Authentication;

/// <summary>
/// The outcome of checking a request's credentials: a principal (with the moment its credential expires, if it
/// does), or why it was refused. <see cref="Failure"/> is safe to show to the client.
/// </summary>
public sealed record AuthenticationResult(Principal? Principal, DateTimeOffset? ExpiresAt, string? Failure)
{
    public bool Succeeded => Principal is not null;

    public static AuthenticationResult Success(Principal principal, DateTimeOffset? expiresAt) => new(principal, expiresAt, null);

    public static AuthenticationResult Fail(string failure) => new(null, null, failure);
}
