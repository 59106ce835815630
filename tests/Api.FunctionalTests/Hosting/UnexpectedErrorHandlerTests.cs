using System.Text.Json;
using GraphQL;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Api.FunctionalTests.Hosting;

public sealed class UnexpectedErrorHandlerTests(KurobeApiFactory factory) : IClassFixture<KurobeApiFactory>
{
    [Fact]
    public async Task Failures_outside_graphql_get_a_coded_error_without_internals()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        var handler = new UnexpectedErrorHandler(factory.Services.GetRequiredService<IGraphQLSerializer>());

        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("Password=hunter2 at Kurobe.Secret"), TestContext.Current.CancellationToken);

        handled.ShouldBeTrue();
        context.Response.StatusCode.ShouldBe(500);
        context.Response.ContentType.ShouldBe("application/json; charset=utf-8");
        var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        body.ShouldNotContain("hunter2");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        error.GetProperty("extensions").GetProperty("code").GetString().ShouldBe("INTERNAL_SERVER_ERROR");
        error.GetProperty("extensions").GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_server_starts_with_the_handler_in_its_pipeline()
    {
        using var response = await factory.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        response.IsSuccessStatusCode.ShouldBeTrue();
    }
}
