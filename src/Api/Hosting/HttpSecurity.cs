using Kurobe.Api.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kurobe.Api.Hosting;

/// <summary>
/// What every response carries and every request is held to: security headers, CORS for the configured origins,
/// HSTS outside Development, and Kestrel's request body limit.
/// </summary>
internal static class HttpSecurity
{
    /// <summary>API responses are JSON, never pages: nothing may load from them, frame them or be sent from them.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IServiceCollection AddKurobeHttpSecurity(this IServiceCollection services)
    {
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.SectionName)
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "Kurobe:Cors:AllowedOrigins must be origins such as https://app.example.com (scheme, host and optional port; no path, no '*').")
            .ValidateOnStart();
        services.AddOptions<HttpServerOptions>().BindConfiguration(HttpServerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpServerOptions>>((kestrel, http) =>
            kestrel.Limits.MaxRequestBodySize = http.Value.MaxRequestBodyBytes);

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, origins) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. origins.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept, RequestCredentials.ApiKeyHeader)
                .WithExposedHeaders(HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseKurobeHttpSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
        app.UseCors();
        return app;
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin.TrimEnd('/'), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !origin.Contains('*', StringComparison.Ordinal);
}
