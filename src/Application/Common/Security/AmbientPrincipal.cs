namespace Kurobe.Application.Common.Security;

/// <summary>
/// Carries the caller in an <see cref="AsyncLocal{T}"/>, so that it flows into handlers, pipeline behaviours and
/// streams started within the operation, whatever their lifetimes.
/// </summary>
public sealed class AmbientPrincipal : ICurrentPrincipal
{
    private static readonly AsyncLocal<Principal?> Ambient = new();

    public Principal? Current => Ambient.Value;

    /// <summary>Acts as <paramref name="principal"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(Principal? principal)
    {
        var previous = Ambient.Value;
        Ambient.Value = principal;
        return new Scope(previous);
    }

    private sealed class Scope(Principal? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Ambient.Value = previous;
            }
        }
    }
}
