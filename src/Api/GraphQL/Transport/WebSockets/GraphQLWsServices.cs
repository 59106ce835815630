using GraphQL;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.Security;
using Kurobe.Application.Identity.Ports;

namespace Kurobe.Api.GraphQL.Transport.WebSockets;

/// <summary>What every connection of the endpoint shares.</summary>
internal sealed record GraphQLWsServices(
    GraphQLExecutor Executor,
    IGraphQLSerializer Serializer,
    GraphQLErrorMapping Errors,
    GraphQLAuthentication Authentication,
    IRequestThrottle Throttle,
    IServiceScopeFactory ScopeFactory,
    TimeProvider TimeProvider,
    GraphQLServerOptions Options,
    ILogger<GraphQLWsConnection> Logger);
