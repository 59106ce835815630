using Kurobe.Api.GraphQL;
using Kurobe.Api.GraphQL.Transport;
using Kurobe.Api.Hosting;
using Kurobe.Api.Security;
using Kurobe.Application;
using Kurobe.Application.Common.Behaviors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.ListDataSources;
using Kurobe.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kurobe.Api;

/// <summary>The composition root: every layer's services, and the HTTP pipeline.</summary>
internal static class DependencyInjection
{
    public static WebApplicationBuilder AddKurobe(this WebApplicationBuilder builder)
    {
        builder.AddKurobeConfiguration().AddKurobeLogging().AddKurobeTelemetry();

        var services = builder.Services;
        services.AddKurobeApplication();
        services.AddKurobeInfrastructure(builder.Configuration);
        services.AddKurobeGraphQL();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddSingleton<GraphQLAuthentication>();
        services.AddSingleton<ICurrentPrincipal, AmbientPrincipal>();
        services.AddKurobeHttpSecurity();
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        services.AddMediator(options =>
        {
            options.Namespace = "Kurobe.Api.Mediator";
            options.GenerateTypesAsInternal = true;
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(ListDataSourcesQuery)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>)];
            options.StreamPipelineBehaviors = [typeof(StreamLoggingBehavior<,>), typeof(StreamAuthorizationBehavior<,>), typeof(StreamValidationBehavior<,>)];
        });
        return builder;
    }

    public static WebApplication UseKurobe(this WebApplication app)
    {
        var graphQL = app.Services.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;
        // UnexpectedErrorHandler answers; this fallback runs only when the response had already started.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = _ => Task.CompletedTask });
        app.UseKurobeHttpSecurity();
        app.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = graphQL.KeepAliveInterval,
            KeepAliveTimeout = graphQL.KeepAliveTimeout,
        });
        app.MapKurobeHealth();
        app.MapKurobeGraphQL();
        return app;
    }
}
