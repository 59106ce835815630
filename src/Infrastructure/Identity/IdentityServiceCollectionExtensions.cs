using Kurobe.Application.Identity.Ports;
using Kurobe.Infrastructure.Caching;
using Kurobe.Infrastructure.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Authentication's adapters (bcrypt, JWT validation and issuing, JWKS), the first-start bootstrap and the rate
    /// limits. Call after <c>AddKurobeMetadataStore</c> (the bootstrap needs the migrated store) and
    /// <c>AddKurobeCaching</c> (the limits share its Redis connection).
    /// </summary>
    public static IServiceCollection AddKurobeIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JwtOptions>()
            .BindConfiguration(JwtOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || (!string.IsNullOrWhiteSpace(o.Issuer) && !string.IsNullOrWhiteSpace(o.Audience)),
                "Kurobe:Auth:Jwt needs Issuer and Audience when Secret or JwksUrl is set.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Secret) || o.JwksUrl is null,
                "Kurobe:Auth:Jwt: set either Secret (HS256) or JwksUrl (RS256/ES256), not both.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Secret) || System.Text.Encoding.UTF8.GetByteCount(o.Secret) >= 32,
                "Kurobe:Auth:Jwt:Secret must be at least 32 bytes.")
            .Validate(o => o.JwksUrl is null || (o.JwksUrl.IsAbsoluteUri && (o.JwksUrl.Scheme == Uri.UriSchemeHttps || o.JwksUrl.IsLoopback)),
                "Kurobe:Auth:Jwt:JwksUrl must be an absolute https URL.")
            .Validate(o => !string.Equals(o.Issuer, LocalTokenOptions.Issuer, StringComparison.Ordinal),
                $"Kurobe:Auth:Jwt:Issuer cannot be '{LocalTokenOptions.Issuer}': that issuer is Kurobe's own.")
            .Validate(o => o.DefaultTenant is null || Domain.Identity.Tenant.IsValidSlug(o.DefaultTenant),
                "Kurobe:Auth:Jwt:DefaultTenant must be a tenant slug.")
            .ValidateOnStart();
        services.AddOptions<LocalTokenOptions>().BindConfiguration(LocalTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>()
            .Configure<IConfiguration>((o, c) => o.ApiKey = c[BootstrapOptions.ApiKeyVariable])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IPasswordHasher, BCryptPasswordHasher>();
        services.AddSingleton<LocalTokenSigningKey>();
        services.AddSingleton<IAccessTokenIssuer, LocalAccessTokenIssuer>();
        services.AddHttpClient(JwksKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<JwksKeySource>();
        services.AddSingleton<IBearerTokenValidator, JwtBearerTokenValidator>();

        services.AddSingleton<InProcessRequestThrottle>();
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            services.AddSingleton<IRequestThrottle>(sp => new RedisRequestThrottle(
                sp.GetRequiredService<RedisConnection>(),
                sp.GetRequiredService<InProcessRequestThrottle>(),
                sp.GetRequiredService<IOptions<RateLimitOptions>>(),
                sp.GetRequiredService<IOptions<CacheOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RedisRequestThrottle>>()));
        }
        else
        {
            services.AddSingleton<IRequestThrottle>(sp => sp.GetRequiredService<InProcessRequestThrottle>());
        }

        services.AddHostedService<IdentityBootstrapper>();
        return services;
    }
}
