using GraphQL;
using GraphQL.Types;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Identity.ChangeMemberRole;
using Kurobe.Application.Identity.CreateApiKey;
using Kurobe.Application.Identity.CreateUser;
using Kurobe.Application.Identity.GetMe;
using Kurobe.Application.Identity.ListApiKeys;
using Kurobe.Application.Identity.ListMembers;
using Kurobe.Application.Identity.Login;
using Kurobe.Application.Identity.RemoveMember;
using Kurobe.Application.Identity.RevokeApiKey;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Api.GraphQL.Identity;

internal sealed class IdentityQueryFields : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MeGraphType>>("me")
            .Description("Who you are: your tenant, whether you are a user or an API key, and your role.")
            .ResolveAsync(async context => await context.SendAsync(new GetMeQuery()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyGraphType>>>>("apiKeys")
            .Description("Your tenant's API keys, newest first, revoked ones included. Never their secrets. Admins and owners.")
            .ResolveAsync(async context => await context.SendAsync(new ListApiKeysQuery()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberGraphType>>>>("members")
            .Description("Your tenant's members. Admins and owners.")
            .ResolveAsync(async context => await context.SendAsync(new ListMembersQuery()));
    }
}

internal sealed class IdentityMutationFields : IMutationFields
{
    /// <summary>Root fields that run without credentials (the rest of the document must be made of them too).</summary>
    public static readonly IReadOnlySet<string> AnonymousFields = new HashSet<string>(StringComparer.Ordinal) { "login", "__typename" };

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<LoginPayloadGraphType>>("login")
            .Description("Signs a local user in to a tenant and returns a short-lived bearer token. Needs no credentials.")
            .Argument<NonNullGraphType<LoginInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return await context.SendAsync(new LoginCommand((string)input["email"]!, (string)input["password"]!, (string)input["tenant"]!));
            });

        mutation.Field<NonNullGraphType<CreateApiKeyPayloadGraphType>>("createApiKey")
            .Description("Creates an API key in your tenant. The payload's secret is the only time the key is shown. Admins and owners.")
            .Argument<NonNullGraphType<CreateApiKeyInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return await context.SendAsync(new CreateApiKeyCommand(
                    (string)input["name"]!,
                    (Role)input["role"]!,
                    input.TryGetValue("expiresAt", out var expiresAt) ? expiresAt as DateTimeOffset? : null));
            });

        mutation.Field<NonNullGraphType<ApiKeyGraphType>>("revokeApiKey")
            .Description("Revokes an API key of your tenant: it stops working at once. Admins and owners.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await context.SendAsync(new RevokeApiKeyCommand(
                ApiKeyId.TryParse(context.GetArgument<string>("id"), out var id) ? id : throw InvalidId("id", "an API key id"))));

        mutation.Field<NonNullGraphType<MemberGraphType>>("createUser")
            .Description("Creates a local user who logs in with a password, as a member of your tenant. Owners only.")
            .Argument<NonNullGraphType<CreateUserInputGraphType>>("input")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return await context.SendAsync(new CreateUserCommand(
                    (string)input["email"]!, (string)input["displayName"]!, (string)input["password"]!, (Role)input["role"]!));
            });

        mutation.Field<NonNullGraphType<MemberGraphType>>("changeMemberRole")
            .Description("Gives a member another role. Owners only; the last owner stays an owner.")
            .Argument<NonNullGraphType<IdGraphType>>("userId")
            .Argument<NonNullGraphType<RoleGraphType>>("role")
            .ResolveAsync(async context => await context.SendAsync(new ChangeMemberRoleCommand(UserIdOf(context), context.GetArgument<Role>("role"))));

        mutation.Field<NonNullGraphType<RemoveMemberPayloadGraphType>>("removeMember")
            .Description("Removes a member from your tenant. Owners only; never the last owner.")
            .Argument<NonNullGraphType<IdGraphType>>("userId")
            .ResolveAsync(async context =>
            {
                var userId = UserIdOf(context);
                await context.SendAsync(new RemoveMemberCommand(userId));
                return userId.ToString();
            });
    }

    private static UserId UserIdOf(IResolveFieldContext context) =>
        UserId.TryParse(context.GetArgument<string>("userId"), out var id) ? id : throw InvalidId("userId", "a user id");

    private static RequestValidationException InvalidId(string input, string what) =>
        new([new InputFailure(input, $"{input} is not {what}.")]);
}
