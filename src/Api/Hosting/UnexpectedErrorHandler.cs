using System.Diagnostics;
using GraphQL;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Api.GraphQL.Transport;
using Microsoft.AspNetCore.Diagnostics;

namespace Kurobe.Api.Hosting;

/// <summary>
/// The last line of defence for failures outside GraphQL execution (which maps its own): the client gets a GraphQL-
/// shaped error with a code and a trace id, never a stack trace. The exception-handler middleware logs the failure.
/// </summary>
internal sealed class UnexpectedErrorHandler(IGraphQLSerializer serializer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        httpContext.Response.ContentType = MediaTypes.JsonUtf8;
        var error = new KurobeError(ErrorCodes.InternalServerError, GraphQLErrorMapping.UnexpectedMessage)
        {
            Details = new Dictionary<string, object?> { ["traceId"] = traceId },
        };
        await serializer.WriteAsync(httpContext.Response.Body, new ExecutionResult { Errors = [error] }, cancellationToken);
        return true;
    }
}
