using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.GraphQL.Identity;
using Kurobe.Api.Security;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kurobe.Api.GraphQL.Transport.Http;

/// <summary>
/// GraphQL over HTTP, as the spec (graphql.github.io/graphql-over-http) describes it: POST with a JSON body, GET for
/// queries, <c>application/graphql-response+json</c> when the client accepts it (with 4xx for requests that could not
/// execute), <c>application/json</c> otherwise (with 200 for every GraphQL response). Every request needs
/// credentials (401 otherwise) except a mutation made only of <c>login</c>; each counts against the rate limits (429).
/// </summary>
internal sealed class GraphQLHttpHandler(
    GraphQLExecutor executor,
    IGraphQLSerializer serializer,
    GraphQLAuthentication authentication,
    IRequestThrottle throttle,
    IOptions<GraphQLServerOptions> options)
{
    private static readonly string AllowedMethods = $"{HttpMethods.Get}, {HttpMethods.Post}";

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleRequestAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; its query was stopped through the request's token. Nobody is left to answer.
        }
    }

    private async Task HandleRequestAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var responseType = NegotiateResponseType(request.Headers.Accept);
        if (responseType is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, MediaTypes.JsonUtf8, ErrorCodes.NotAcceptable,
                $"Responses are {MediaTypes.GraphQLResponse} or {MediaTypes.Json}; the Accept header allows neither.");
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = AllowedMethods;
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, responseType, ErrorCodes.MethodNotAllowed,
                $"GraphQL requests use GET or POST, not {request.Method}.");
            return;
        }

        var reading = isGet
            ? GraphQLHttpRequestReader.FromQueryString(request.Query, serializer)
            : await GraphQLHttpRequestReader.FromBodyAsync(request, options.Value.MaxRequestBytes, serializer, context.RequestAborted);
        if (reading.Request is not { } graphQLRequest)
        {
            await WriteErrorAsync(context, reading.StatusCode, responseType, reading.ErrorCode!, reading.ErrorMessage!);
            return;
        }

        var credentials = RequestCredentials.FromHeaders(request.Headers);
        Principal? principal = null;
        if (!credentials.IsEmpty || !AnonymousOperations.IsAnonymous(graphQLRequest, IdentityMutationFields.AnonymousFields))
        {
            var authenticated = await authentication.AuthenticateAsync(context.RequestServices, credentials, context.RequestAborted);
            if (authenticated.Principal is null)
            {
                response.Headers.WWWAuthenticate = "Bearer";
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, responseType, ErrorCodes.Unauthenticated, authenticated.Failure!);
                return;
            }

            principal = authenticated.Principal;
        }

        var decision = await throttle.AcquireAsync(principal, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        if (!decision.Allowed)
        {
            var seconds = RateLimitErrors.Seconds(decision.RetryAfter);
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, responseType, RateLimitErrors.Create(seconds));
            return;
        }

        ExecutionResult result;
        using (AmbientPrincipal.Use(principal))
        {
            result = await ExecuteAsync(context, graphQLRequest, isGet);
        }

        response.StatusCode = StatusCodeFor(result, responseType);
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers.Allow = HttpMethods.Post;
        }

        response.ContentType = responseType;
        response.Headers.CacheControl = "no-store";
        await serializer.WriteAsync(response.Body, result, context.RequestAborted);
    }

    private Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request, bool isGet) =>
        executor.ExecuteAsync(
            request,
            new GraphQLOperationContext(
                context.RequestServices,
                context.User,
                isGet ? AllowedOperations.Query : AllowedOperations.Query | AllowedOperations.Mutation,
                operation => operation switch
                {
                    OperationType.Mutation => "Mutations cannot be sent with GET; use POST.",
                    OperationType.Subscription => "Subscriptions are served over WebSocket (the graphql-transport-ws protocol) at this same path.",
                    _ => $"{operation} operations cannot be sent with {context.Request.Method}.",
                },
                new GraphQLUserContext()),
            context.RequestAborted);

    private static int StatusCodeFor(ExecutionResult result, string responseType)
    {
        if (result.Errors?.OfType<OperationNotAllowedError>().Any(e => e.OperationType == OperationType.Mutation) == true)
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        // With the legacy media type every GraphQL response is a 200; with the GraphQL one, a request that could not
        // execute (parse, validation or variable errors) is a client error.
        return responseType == MediaTypes.GraphQLResponseUtf8 && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }

    /// <summary>
    /// Picks the response media type from Accept: the GraphQL response type when the client prefers it or names it
    /// alongside JSON at equal quality, JSON for wildcards or no Accept at all, null when neither is acceptable.
    /// </summary>
    internal static string? NegotiateResponseType(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept))
        {
            return MediaTypes.JsonUtf8;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var mediaTypes))
        {
            return MediaTypes.JsonUtf8;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var mediaType in mediaTypes)
        {
            var quality = mediaType.Quality ?? 1.0;
            var candidate = mediaType.MediaType.Value?.ToLowerInvariant() switch
            {
                MediaTypes.GraphQLResponse => MediaTypes.GraphQLResponseUtf8,
                MediaTypes.Json or "application/*" or "*/*" => MediaTypes.JsonUtf8,
                _ => null,
            };
            if (candidate is null || quality <= 0)
            {
                continue;
            }

            if (quality > bestQuality || (quality == bestQuality && candidate == MediaTypes.GraphQLResponseUtf8))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    private Task WriteErrorAsync(HttpContext context, int statusCode, string responseType, string code, string message) =>
        WriteErrorAsync(context, statusCode, responseType, new KurobeError(code, message));

    private Task WriteErrorAsync(HttpContext context, int statusCode, string responseType, KurobeError error)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = responseType;
        context.Response.Headers.CacheControl = "no-store";
        return serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [error] }, context.RequestAborted);
    }
}
