using GraphQL.Types;
using Kurobe.Application.Identity;

namespace Kurobe.Api.GraphQL.Identity;

internal sealed class ApiKeyGraphType : ObjectGraphType<ApiKeyView>
{
    public ApiKeyGraphType()
    {
        Name = "ApiKey";
        Description = "A credential for programs. Its secret is shown once, by createApiKey; never again.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString());
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<StringGraphType>>("prefix")
            .Description("The key's public beginning (kb_<lookup id>), to tell keys apart.")
            .Resolve(c => c.Source.Prefix);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Description("The principal that created it (kind:id), or bootstrap.").Resolve(c => c.Source.CreatedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("expiresAt").Description("Null: it does not expire.").Resolve(c => c.Source.ExpiresAt);
        Field<DateTimeOffsetGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
        Field<DateTimeOffsetGraphType>("lastUsedAt").Description("Recorded at most once a minute.").Resolve(c => c.Source.LastUsedAt);
    }
}

internal sealed class CreateApiKeyPayloadGraphType : ObjectGraphType<Application.Identity.CreateApiKey.CreatedApiKey>
{
    public CreateApiKeyPayloadGraphType()
    {
        Name = "CreateApiKeyPayload";
        Field<NonNullGraphType<ApiKeyGraphType>>("apiKey").Resolve(c => c.Source.ApiKey);
        Field<NonNullGraphType<StringGraphType>>("secret")
            .Description("The full key, to send as 'Authorization: Bearer <secret>' or 'X-API-Key: <secret>'. Shown this once: only its hash is kept.")
            .Resolve(c => c.Source.Secret);
    }
}

internal sealed class CreateApiKeyInputGraphType : InputObjectGraphType
{
    public CreateApiKeyInputGraphType()
    {
        Name = "CreateApiKeyInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("What the key is for, e.g. \"nightly export\".");
        Field<NonNullGraphType<RoleGraphType>>("role").Description("At most the creator's own role.");
        Field<DateTimeOffsetGraphType>("expiresAt").Description("When it stops working; never when omitted.");
    }
}
