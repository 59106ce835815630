using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Identity;

/// <summary>A member of the caller's tenant.</summary>
public sealed record MemberView(UserId UserId, string Email, string DisplayName, Role Role, DateTimeOffset JoinedAt)
{
    public static MemberView From(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.User.Id, member.User.Email, member.User.DisplayName, member.Membership.Role, member.Membership.CreatedAt);
    }
}
