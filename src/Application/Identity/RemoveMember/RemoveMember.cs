using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.RemoveMember;

/// <summary>Removes a member from the caller's tenant (the user remains, for their other tenants). Owners only; never the last owner.</summary>
[RequiresRole(Role.Owner)]
public sealed record RemoveMemberCommand(UserId UserId) : ICommand<bool>;

public sealed class RemoveMemberCommandHandler(ICurrentPrincipal current, IIdentityStore store)
    : ICommandHandler<RemoveMemberCommand, bool>
{
    public async ValueTask<bool> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var principal = current.RequireRole(Role.Owner);
        var (member, members) = await MemberChanges.FindAsync(store, principal.TenantId, command.UserId, cancellationToken);
        MemberChanges.EnsureAnotherOwner(member, members);
        await store.RemoveMembershipAsync(member.Membership, cancellationToken);
        return true;
    }
}
