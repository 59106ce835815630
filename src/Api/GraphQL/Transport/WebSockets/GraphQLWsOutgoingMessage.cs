using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using Kurobe.Api.GraphQL.Subscriptions;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>
/// A server message as it goes on the wire. It is written by GraphQL.NET's serializer, so an
/// <see cref="ExecutionResult"/> payload (<c>next</c>) and <see cref="ExecutionError"/> array payload (<c>error</c>)
/// come out exactly as over HTTP, <c>extensions.code</c> included.
/// </summary>
internal sealed record GraphQLWsOutgoingMessage(
    [property: JsonPropertyName("id")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Id,
    [property: JsonPropertyName("type")]
    string Type,
    [property: JsonPropertyName("payload")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    object? Payload)
{
    public static GraphQLWsOutgoingMessage ConnectionAck { get; } = new(null, GraphQLWsMessageTypes.ConnectionAck, null);

    public static GraphQLWsOutgoingMessage Pong(JsonElement? payload) => new(null, GraphQLWsMessageTypes.Pong, payload);

    public static GraphQLWsOutgoingMessage Next(string id, ExecutionResult result) => new(id, GraphQLWsMessageTypes.Next, result);

    /// <summary>An <c>error</c> message; the array is typed <see cref="ExecutionError"/> so the serializer's error converter applies.</summary>
    public static GraphQLWsOutgoingMessage Error(string id, ExecutionError[] errors) => new(id, GraphQLWsMessageTypes.Error, errors);

    public static GraphQLWsOutgoingMessage Complete(string id) => new(id, GraphQLWsMessageTypes.Complete, null);
}

/// <summary>What an item of the outgoing queue is, which decides what the send loop does once it has been handled.</summary>
internal enum GraphQLWsSendKind
{
    /// <summary>An answer from the receive loop (ack, pong, a refused subscribe); frees a control slot.</summary>
    Control,

    /// <summary>A <c>next</c> of an operation; hands a credit back to the operation's stream window.</summary>
    Next,

    /// <summary>The last message of an operation (<c>complete</c> or <c>error</c>); frees the operation's slot.</summary>
    Terminal,

    /// <summary>Nothing to send: the client stopped the operation and everything it queued before has been handled.</summary>
    Release,
}

/// <summary>One item of a connection's outgoing queue.</summary>
internal readonly record struct GraphQLWsOutgoing(
    GraphQLWsSendKind Kind,
    GraphQLWsOutgoingMessage? Message,
    GraphQLWsOperation? Operation,
    StreamCreditWindow? Window)
{
    public static GraphQLWsOutgoing Control(GraphQLWsOutgoingMessage message) => new(GraphQLWsSendKind.Control, message, null, null);
}
