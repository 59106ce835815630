using Kurobe.Application.Common.Errors;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Identity;

/// <summary>What changing or removing a member must respect.</summary>
internal static class MemberChanges
{
    public static async Task<(Member Member, IReadOnlyList<Member> All)> FindAsync(IIdentityStore store, TenantId tenantId, UserId userId, CancellationToken cancellationToken)
    {
        var members = await store.ListMembersAsync(tenantId, cancellationToken);
        var member = members.FirstOrDefault(m => m.User.Id == userId)
            ?? throw new NotFoundException($"No member with user id '{userId}' in this tenant.");
        return (member, members);
    }

    /// <summary>A tenant always keeps an owner: nobody could manage its members otherwise.</summary>
    public static void EnsureAnotherOwner(Member member, IReadOnlyList<Member> members)
    {
        if (member.Membership.Role == Role.Owner && members.Count(m => m.Membership.Role == Role.Owner) <= 1)
        {
            throw new ConflictException("This is the tenant's last owner; make another member owner first.");
        }
    }
}
