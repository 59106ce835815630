using System.Net.WebSockets;
using System.Text;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>
/// The close codes of graphql-transport-ws (PROTOCOL.md in enisdenjo/graphql-ws) and the standard ones this server
/// uses. The graphql-ws client treats 4400, 4401, 4406, 4409, 4429, 4500 and 1009 as fatal (no reconnect), and 1000,
/// 1001 and 4408 as retryable.
/// </summary>
internal static class GraphQLWsCloseCodes
{
    /// <summary>The longest close reason, in UTF-8 bytes, a close frame can carry (RFC 6455 §5.5: 125 minus the code).</summary>
    public const int MaxReasonBytes = 123;

    public const int NormalClosure = (int)WebSocketCloseStatus.NormalClosure;

    /// <summary>The server is shutting down; the client may reconnect to another instance.</summary>
    public const int GoingAway = (int)WebSocketCloseStatus.EndpointUnavailable;

    /// <summary>
    /// A message larger than <c>Kurobe:GraphQL:MaxRequestBytes</c>. RFC 6455's own code for it is used rather than
    /// 4400: it is detected at the framing layer, before the message is read (so it is never buffered), it is what
    /// generic WebSocket servers (and the graphql-ws reference server on <c>ws</c> with <c>maxPayload</c>) send, and
    /// the graphql-ws client treats it as fatal just like 4400.
    /// </summary>
    public const int MessageTooBig = (int)WebSocketCloseStatus.MessageTooBig;

    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int InternalServerError = 4500;

    /// <summary>Cuts a close reason to fit a close frame, on a character boundary.</summary>
    public static string FitReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) < MaxReasonBytes)
        {
            return reason;
        }

        const string Ellipsis = "...";
        var budget = MaxReasonBytes - 1 - Ellipsis.Length;
        var builder = new StringBuilder(reason.Length);
        var used = 0;
        foreach (var rune in reason.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.Append(Ellipsis).ToString();
    }
}
