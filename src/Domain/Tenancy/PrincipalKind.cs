namespace Kurobe.Domain.Tenancy;

/// <summary>Who is acting: a person or an API key.</summary>
public enum PrincipalKind
{
    User,

    ApiKey,
}
