using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kurobe.Benchmarks;

/// <summary>
/// The baseline for the cached-query benchmark: the least an ASP.NET Core server can do to answer the same request
/// with the same bytes. It reads the request body and writes the response Kurobe gave, with the same content type
/// and headers; no GraphQL, no mediator, no cache, no logging. <c>GET /health/ready</c> says when it listens.
/// </summary>
internal static class BareEndpoint
{
    public static async Task<int> RunAsync(int port, string responseFile)
    {
        var response = await File.ReadAllBytesAsync(responseFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapPost("/graphql", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(response, context.RequestAborted);
        });
        app.MapGet("/health/ready", () => "Healthy");
        await app.RunAsync();
        return 0;
    }
}
