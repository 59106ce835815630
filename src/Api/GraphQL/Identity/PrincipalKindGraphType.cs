using GraphQL.Types;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Api.GraphQL.Identity;

internal sealed class PrincipalKindGraphType : EnumerationGraphType
{
    public PrincipalKindGraphType()
    {
        Name = "PrincipalKind";
        Description = "Who is calling: a person or an API key.";
        Add("USER", PrincipalKind.User, "A person, signed in with a bearer token.");
        Add("API_KEY", PrincipalKind.ApiKey, "A program, with an API key.");
    }
}
