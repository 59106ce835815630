using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.ListApiKeys;

/// <summary>The API keys of the caller's tenant, newest first, revoked ones included.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyView>>;

public sealed class ListApiKeysQueryHandler(ICurrentPrincipal current, IIdentityStore store)
    : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyView>>
{
    public async ValueTask<IReadOnlyList<ApiKeyView>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var principal = current.RequireRole(Role.Admin);
        var keys = await store.ListApiKeysAsync(principal.TenantId, cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id.Value).Select(ApiKeyView.From)];
    }
}
