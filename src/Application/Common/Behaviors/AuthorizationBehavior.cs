using System.Reflection;
using Kurobe.Application.Common.Security;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Common.Behaviors;

/// <summary>Refuses a use case to a caller without credentials or without the role it requires.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentPrincipal principal) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        RoleRequirement<TMessage>.Enforce(principal);
        return next(message, cancellationToken);
    }
}

/// <summary>The same check for streamed use cases, before the first item.</summary>
public sealed class StreamAuthorizationBehavior<TMessage, TResponse>(ICurrentPrincipal principal) : IStreamPipelineBehavior<TMessage, TResponse>
    where TMessage : IStreamMessage
{
    public IAsyncEnumerable<TResponse> Handle(TMessage message, StreamHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        RoleRequirement<TMessage>.Enforce(principal);
        return next(message, cancellationToken);
    }
}

/// <summary>What a message type requires, read once per type.</summary>
internal static class RoleRequirement<TMessage>
{
    private static readonly bool Anonymous = typeof(TMessage).GetCustomAttribute<AllowAnonymousAttribute>() is not null;

    private static readonly Role? Required = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.Role;

    public static void Enforce(ICurrentPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (Anonymous)
        {
            return;
        }

        // A message that states no requirement is refused to everyone rather than open to anyone.
        principal.RequireRole(Required ?? Role.Owner + 1);
    }
}
