using Kurobe.Application.Common.Security;

namespace Kurobe.Application.Identity.Ports;

/// <summary>A signed, short-lived bearer token for a principal, accepted back by <see cref="IBearerTokenValidator"/>.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues Kurobe's own bearer tokens (to local users at login).</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Principal principal, string? email);
}
