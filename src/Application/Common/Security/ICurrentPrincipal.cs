using Kurobe.Application.Common.Errors;

namespace Kurobe.Application.Common.Security;

/// <summary>
/// The caller of the operation running on this logical call (async flow). Transports set it once they have
/// authenticated a request; use cases read it to scope everything to the caller's tenant.
/// </summary>
public interface ICurrentPrincipal
{
    /// <summary>The caller, or null outside an authenticated operation.</summary>
    Principal? Current { get; }
}

public static class CurrentPrincipalExtensions
{
    /// <summary>The caller; throws <see cref="UnauthenticatedException"/> when there is none.</summary>
    public static Principal Required(this ICurrentPrincipal principal) =>
        principal.Current ?? throw new UnauthenticatedException("This operation needs credentials.");
}
