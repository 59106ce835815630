using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.RevokeApiKey;

/// <summary>Revokes a key of the caller's tenant: it stops working at once. Revoking a revoked key changes nothing.</summary>
[RequiresRole(Role.Admin)]
public sealed record RevokeApiKeyCommand(ApiKeyId Id) : ICommand<ApiKeyView>;

public sealed class RevokeApiKeyCommandHandler(ICurrentPrincipal current, IIdentityStore store, TimeProvider timeProvider)
    : ICommandHandler<RevokeApiKeyCommand, ApiKeyView>
{
    public async ValueTask<ApiKeyView> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var principal = current.RequireRole(Role.Admin);
        var key = await store.FindApiKeyAsync(principal.TenantId, command.Id, cancellationToken)
            ?? throw new NotFoundException($"No API key with id '{command.Id}'.");
        if (!key.IsRevoked)
        {
            key.Revoke(timeProvider.GetUtcNow());
            await store.UpdateApiKeyAsync(key, cancellationToken);
        }

        return ApiKeyView.From(key);
    }
}
