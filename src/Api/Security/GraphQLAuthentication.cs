using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Authentication;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.Security;

/// <summary>
/// Authenticates the requests of every transport alike, through the application's <see cref="Authenticator"/>; in
/// anonymous mode (Development only) a request without credentials acts as the default tenant's owner.
/// </summary>
internal sealed partial class GraphQLAuthentication
{
    private readonly bool _anonymous;
    private Principal? _anonymousPrincipal;

    public GraphQLAuthentication(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<GraphQLAuthentication> logger)
    {
        var allowAnonymous = options.Value.AllowAnonymous;
        _anonymous = allowAnonymous && environment.IsDevelopment();
        if (_anonymous)
        {
            LogAnonymous(logger);
        }
        else if (allowAnonymous)
        {
            LogAnonymousIgnored(logger, environment.EnvironmentName);
        }
    }

    public async Task<AuthenticationResult> AuthenticateAsync(IServiceProvider services, Credentials credentials, CancellationToken cancellationToken)
    {
        if (credentials.IsEmpty && _anonymous)
        {
            return AuthenticationResult.Success(await AnonymousPrincipalAsync(services, cancellationToken), null);
        }

        return await services.GetRequiredService<Authenticator>().AuthenticateAsync(credentials, cancellationToken);
    }

    private async Task<Principal> AnonymousPrincipalAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _anonymousPrincipal) is { } known)
        {
            return known;
        }

        var tenant = await services.GetRequiredService<IIdentityStore>().FindTenantBySlugAsync(Tenant.DefaultSlug, cancellationToken)
            ?? throw new InvalidOperationException("Anonymous mode needs the default tenant, which does not exist.");
        var principal = new Principal(tenant.Id, PrincipalKind.User, "anonymous", "anonymous", Role.Owner);
        Volatile.Write(ref _anonymousPrincipal, principal);
        return principal;
    }

    [LoggerMessage(EventId = 4500, Level = LogLevel.Warning,
        Message = "Kurobe:Auth:AllowAnonymous is on: requests without credentials act as the default tenant's owner. Never use this outside development.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Warning,
        Message = "Kurobe:Auth:AllowAnonymous is ignored in the {Environment} environment: it works only in Development")]
    private static partial void LogAnonymousIgnored(ILogger logger, string environment);
}
