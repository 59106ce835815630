using Kurobe.Api.GraphQL.Transport.Http;
using Kurobe.Api.GraphQL.Transport.WebSockets;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.GraphQL.Transport;

/// <summary>One path serves GraphQL over HTTP (GET and POST) and over WebSocket (graphql-transport-ws).</summary>
internal static class GraphQLEndpoint
{
    public static IServiceCollection AddGraphQLTransports(this IServiceCollection services)
    {
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<GraphQLWebSocketHandler>();
        return services;
    }

    public static IEndpointConventionBuilder MapKurobeGraphQL(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;
        var http = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        var webSockets = endpoints.ServiceProvider.GetRequiredService<GraphQLWebSocketHandler>();
        return endpoints.Map(options.Path, context => context.WebSockets.IsWebSocketRequest
                ? webSockets.HandleAsync(context)
                : http.HandleAsync(context))
            .WithDisplayName("GraphQL");
    }
}
