using System.Net.WebSockets;
using GraphQL;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.Security;
using Kurobe.Application.Identity.Ports;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol (the one of the graphql-ws client). Upgrades that do
/// not offer that subprotocol are accepted and closed with 4406, as the protocol asks; the others are served by a
/// <see cref="GraphQLWsConnection"/> until either side closes, or the server shuts down (1001).
/// </summary>
internal sealed partial class GraphQLWebSocketHandler(
    GraphQLExecutor executor,
    IGraphQLSerializer serializer,
    GraphQLErrorMapping errors,
    GraphQLAuthentication authentication,
    IRequestThrottle throttle,
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IOptions<GraphQLServerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<GraphQLWebSocketHandler> logger,
    ILogger<GraphQLWsConnection> connectionLogger)
{
    public const string SubProtocol = "graphql-transport-ws";

    private static readonly TimeSpan RejectionCloseTimeout = TimeSpan.FromSeconds(5);

    private readonly GraphQLWsServices _services = new(executor, serializer, errors, authentication, throttle, scopeFactory, timeProvider, options.Value, connectionLogger);

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            await RejectAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = SubProtocol });
        using var connection = new GraphQLWsConnection(socket, context, _services);
        using var stopping = lifetime.ApplicationStopping.Register(
            static state => ((GraphQLWsConnection)state!).RequestClose(GraphQLWsCloseCodes.GoingAway, "Server shutting down"),
            connection);
        await connection.RunAsync();
    }

    /// <summary>Accepts without a subprotocol and closes with 4406, waiting briefly for the client's close.</summary>
    private async Task RejectAsync(HttpContext context)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var requested = string.Join(", ", context.WebSockets.WebSocketRequestedProtocols);
            LogSubprotocolRejected(logger, context.TraceIdentifier, requested);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var timeout = new CancellationTokenSource(RejectionCloseTimeout, timeProvider);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)GraphQLWsCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", closing.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            LogRejectionUnanswered(logger, context.TraceIdentifier, exception);
            socket.Abort();
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug,
        Message = "WebSocket {ConnectionId} requested subprotocols [{Requested}], not graphql-transport-ws; closing with 4406")]
    private static partial void LogSubprotocolRejected(ILogger logger, string connectionId, string requested);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "WebSocket {ConnectionId} did not answer the 4406 close")]
    private static partial void LogRejectionUnanswered(ILogger logger, string connectionId, Exception exception);
}
