using System.Text.Json;
using Kurobe.Application.Identity.Authentication;
using Microsoft.Net.Http.Headers;

namespace Kurobe.Api.Security;

/// <summary>Where transports find credentials: HTTP headers, and a WebSocket's <c>connection_init</c> payload.</summary>
internal static class RequestCredentials
{
    public const string ApiKeyHeader = "X-API-Key";

    public static Credentials FromHeaders(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization.ToString();
        var apiKey = headers[ApiKeyHeader].ToString();
        return new Credentials(
            string.IsNullOrEmpty(authorization) ? null : Credentials.BearerFrom(authorization),
            string.IsNullOrEmpty(apiKey) ? null : apiKey);
    }

    /// <summary>
    /// The <c>connection_init</c> payload's <c>Authorization</c> or <c>X-API-Key</c> (any letter case); the
    /// handshake's headers when the payload has neither.
    /// </summary>
    public static Credentials FromInitPayload(JsonElement? payload, IHeaderDictionary handshakeHeaders)
    {
        string? authorization = null;
        string? apiKey = null;
        if (payload is { ValueKind: JsonValueKind.Object } members)
        {
            foreach (var member in members.EnumerateObject())
            {
                if (member.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (member.NameEquals(HeaderNames.Authorization) || string.Equals(member.Name, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase))
                {
                    authorization = member.Value.GetString();
                }
                else if (string.Equals(member.Name, ApiKeyHeader, StringComparison.OrdinalIgnoreCase))
                {
                    apiKey = member.Value.GetString();
                }
            }
        }

        return authorization is null && apiKey is null
            ? FromHeaders(handshakeHeaders)
            : new Credentials(authorization is null ? null : Credentials.BearerFrom(authorization), apiKey);
    }
}
