using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.ListMembers;

/// <summary>The members of the caller's tenant, by email.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListMembersQuery : IQuery<IReadOnlyList<MemberView>>;

public sealed class ListMembersQueryHandler(ICurrentPrincipal current, IIdentityStore store)
    : IQueryHandler<ListMembersQuery, IReadOnlyList<MemberView>>
{
    public async ValueTask<IReadOnlyList<MemberView>> Handle(ListMembersQuery query, CancellationToken cancellationToken)
    {
        var principal = current.RequireRole(Role.Admin);
        var members = await store.ListMembersAsync(principal.TenantId, cancellationToken);
        return [.. members.Select(MemberView.From).OrderBy(m => m.Email, StringComparer.Ordinal)];
    }
}
