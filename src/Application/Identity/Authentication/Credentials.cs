namespace Kurobe.Application.Identity.Authentication;

/// <summary>What a request presents: a bearer token (a JWT or an API key) and/or an <c>X-API-Key</c>.</summary>
public sealed record Credentials(string? Bearer, string? ApiKey)
{
    public static Credentials None { get; } = new(null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Bearer) && string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Reads an <c>Authorization</c> header value; null unless it is the Bearer scheme.</summary>
    public static string? BearerFrom(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return null;
        }

        var value = authorization.Trim();
        return value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? value[Scheme.Length..].Trim() : string.Empty;
    }

    public override string ToString() => $"{nameof(Credentials)} {{ Bearer = {(Bearer is null ? "none" : "***")}, ApiKey = {(ApiKey is null ? "none" : "***")} }}";
}
