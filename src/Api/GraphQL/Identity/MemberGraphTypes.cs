using GraphQL.Types;
using Kurobe.Application.Identity;
using Kurobe.Application.Identity.GetMe;
using Kurobe.Application.Identity.Ports;

namespace Kurobe.Api.GraphQL.Identity;

internal sealed class MemberGraphType : ObjectGraphType<MemberView>
{
    public MemberGraphType()
    {
        Name = "Member";
        Description = "A user and their role in the caller's tenant.";
        Field<NonNullGraphType<IdGraphType>>("userId").Resolve(c => c.Source.UserId.ToString());
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("joinedAt").Resolve(c => c.Source.JoinedAt);
    }
}

internal sealed class RemoveMemberPayloadGraphType : ObjectGraphType<string>
{
    public RemoveMemberPayloadGraphType()
    {
        Name = "RemoveMemberPayload";
        Field<NonNullGraphType<IdGraphType>>("userId").Description("The removed member.").Resolve(c => c.Source);
    }
}

internal sealed class TenantGraphType : ObjectGraphType<MeView>
{
    public TenantGraphType()
    {
        Name = "Tenant";
        Description = "The unit of isolation: nothing a tenant owns is visible to another.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.TenantId.ToString());
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(c => c.Source.TenantSlug);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.TenantName);
    }
}

internal sealed class MeGraphType : ObjectGraphType<MeView>
{
    public MeGraphType()
    {
        Name = "Me";
        Description = "The caller, as the server authenticated them.";
        Field<NonNullGraphType<TenantGraphType>>("tenant").Resolve(c => c.Source);
        Field<NonNullGraphType<PrincipalKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The user's or the API key's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(c => c.Source.Role);
    }
}

internal sealed class LoginPayloadGraphType : ObjectGraphType<AccessToken>
{
    public LoginPayloadGraphType()
    {
        Name = "LoginPayload";
        Field<NonNullGraphType<StringGraphType>>("accessToken").Description("Send as 'Authorization: Bearer <accessToken>'.").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<StringGraphType>>("tokenType").Resolve(_ => "Bearer");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("Log in again after this.").Resolve(c => c.Source.ExpiresAt);
    }
}

internal sealed class LoginInputGraphType : InputObjectGraphType
{
    public LoginInputGraphType()
    {
        Name = "LoginInput";
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("password");
        Field<NonNullGraphType<StringGraphType>>("tenant").Description("The tenant's slug, e.g. \"default\".");
    }
}

internal sealed class CreateUserInputGraphType : InputObjectGraphType
{
    public CreateUserInputGraphType()
    {
        Name = "CreateUserInput";
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("displayName");
        Field<NonNullGraphType<StringGraphType>>("password").Description("At least 12 characters, at most 72 bytes.");
        Field<NonNullGraphType<RoleGraphType>>("role").Description("The new member's role in your tenant.");
    }
}
