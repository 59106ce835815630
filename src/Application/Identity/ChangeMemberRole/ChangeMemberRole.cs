using FluentValidation;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.ChangeMemberRole;

/// <summary>Gives a member of the caller's tenant another role. Owners only; the last owner stays an owner.</summary>
[RequiresRole(Role.Owner)]
public sealed record ChangeMemberRoleCommand(UserId UserId, Role Role) : ICommand<MemberView>;

public sealed class ChangeMemberRoleCommandValidator : AbstractValidator<ChangeMemberRoleCommand>
{
    public ChangeMemberRoleCommandValidator() => RuleFor(c => c.Role).IsInEnum();
}

public sealed class ChangeMemberRoleCommandHandler(ICurrentPrincipal current, IIdentityStore store)
    : ICommandHandler<ChangeMemberRoleCommand, MemberView>
{
    public async ValueTask<MemberView> Handle(ChangeMemberRoleCommand command, CancellationToken cancellationToken)
    {
        var principal = current.RequireRole(Role.Owner);
        var (member, members) = await MemberChanges.FindAsync(store, principal.TenantId, command.UserId, cancellationToken);
        if (member.Membership.Role != command.Role)
        {
            if (command.Role != Role.Owner)
            {
                MemberChanges.EnsureAnotherOwner(member, members);
            }

            member.Membership.ChangeRole(command.Role);
            await store.UpdateMembershipAsync(member.Membership, cancellationToken);
        }

        return MemberView.From(member);
    }
}
