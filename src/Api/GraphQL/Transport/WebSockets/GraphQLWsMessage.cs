using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>The message types of graphql-transport-ws.</summary>
internal static class GraphQLWsMessageTypes
{
    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";
}

/// <summary>
/// A client message that passed validation. <see cref="Payload"/> is kept (detached from the parsed document) only
/// where the server uses it: the payload of a <c>ping</c>, echoed in the <c>pong</c>, and of <c>connection_init</c>
/// (the credentials).
/// </summary>
internal sealed record GraphQLWsIncomingMessage(string Type, string? Id, JsonElement? Payload, GraphQLRequest? Request);

/// <summary>A client message, or why it violates the protocol (a close reason for 4400).</summary>
internal readonly record struct GraphQLWsReading(GraphQLWsIncomingMessage? Message, string? Error)
{
    public static GraphQLWsReading Invalid(string reason) => new(null, GraphQLWsCloseCodes.FitReason(reason));
}

/// <summary>
/// Parses and validates client messages as graphql-ws's <c>validateMessage</c> does: a JSON object with a string
/// <c>type</c>; operation messages with a non-empty string <c>id</c>; init/ping/pong payloads an object when present;
/// a subscribe payload an object whose <c>query</c> is a string, <c>variables</c> and <c>extensions</c> objects or
/// null and <c>operationName</c> a string or null. Server-to-client types are rejected too.
/// </summary>
internal static class GraphQLWsMessageReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static GraphQLWsReading Read(ReadOnlyMemory<byte> utf8, IGraphQLSerializer serializer)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException)
        {
            return GraphQLWsReading.Invalid("Invalid message: not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return GraphQLWsReading.Invalid("Invalid message: expected a JSON object");
            }

            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return GraphQLWsReading.Invalid("Invalid message: 'type' must be a string");
            }

            var type = typeElement.GetString()!;
            return type switch
            {
                GraphQLWsMessageTypes.Pong => ReadWithOptionalPayload(root, type, keepPayload: false),
                GraphQLWsMessageTypes.Ping or GraphQLWsMessageTypes.ConnectionInit => ReadWithOptionalPayload(root, type, keepPayload: true),
                GraphQLWsMessageTypes.Subscribe => ReadSubscribe(root, serializer),
                GraphQLWsMessageTypes.Complete => TryReadId(root, type, out var id, out var failure)
                    ? new GraphQLWsReading(new GraphQLWsIncomingMessage(type, id, null, null), null)
                    : failure,
                GraphQLWsMessageTypes.ConnectionAck or GraphQLWsMessageTypes.Next or GraphQLWsMessageTypes.Error =>
                    GraphQLWsReading.Invalid($"Unexpected message of type '{type}' from a client"),
                _ => GraphQLWsReading.Invalid($"Invalid message type '{type}'"),
            };
        }
    }

    private static GraphQLWsReading ReadWithOptionalPayload(JsonElement root, string type, bool keepPayload)
    {
        JsonElement? payload = null;
        if (root.TryGetProperty("payload", out var element) && element.ValueKind != JsonValueKind.Null)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return GraphQLWsReading.Invalid($"Invalid message: the '{type}' payload must be an object or null");
            }

            payload = keepPayload ? element.Clone() : null;
        }

        return new GraphQLWsReading(new GraphQLWsIncomingMessage(type, null, payload, null), null);
    }

    private static GraphQLWsReading ReadSubscribe(JsonElement root, IGraphQLSerializer serializer)
    {
        const string Type = GraphQLWsMessageTypes.Subscribe;
        if (!TryReadId(root, Type, out var id, out var failure))
        {
            return failure;
        }

        if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return GraphQLWsReading.Invalid("Invalid message: the 'subscribe' payload must be an object");
        }

        if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return GraphQLWsReading.Invalid("Invalid message: 'query' must be a string");
        }

        string? operationName = null;
        if (payload.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return GraphQLWsReading.Invalid("Invalid message: 'operationName' must be a string or null");
            }

            operationName = name.GetString();
        }

        if (!TryReadMap(payload, "variables", serializer, out var variables, out failure)
            || !TryReadMap(payload, "extensions", serializer, out var extensions, out failure))
        {
            return failure;
        }

        var request = new GraphQLRequest
        {
            Query = query.GetString(),
            OperationName = operationName,
            Variables = variables,
            Extensions = extensions,
        };
        return new GraphQLWsReading(new GraphQLWsIncomingMessage(Type, id, null, request), null);
    }

    private static bool TryReadId(JsonElement root, string type, out string id, out GraphQLWsReading failure)
    {
        id = string.Empty;
        failure = default;
        if (!root.TryGetProperty("id", out var element) || element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } value)
        {
            failure = GraphQLWsReading.Invalid($"Invalid message: '{type}' requires a non-empty string 'id'");
            return false;
        }

        id = value;
        return true;
    }

    private static bool TryReadMap(JsonElement payload, string name, IGraphQLSerializer serializer, out Inputs? value, out GraphQLWsReading failure)
    {
        value = null;
        failure = default;
        if (!payload.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            failure = GraphQLWsReading.Invalid($"Invalid message: '{name}' must be an object or null");
            return false;
        }

        try
        {
            value = serializer.ReadNode<Inputs>(element);
            return true;
        }
        catch (JsonException)
        {
            failure = GraphQLWsReading.Invalid($"Invalid message: '{name}' could not be read");
            return false;
        }
    }
}
