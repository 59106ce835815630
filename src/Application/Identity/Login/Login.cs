using FluentValidation;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.Login;

/// <summary>Signs a local user in to one of their tenants and issues a short-lived bearer token.</summary>
[AllowAnonymous]
public sealed record LoginCommand(string Email, string Password, string Tenant) : ICommand<AccessToken>
{
    public override string ToString() => $"{nameof(LoginCommand)} {{ Tenant = {Tenant} }}";
}

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(User.MaxEmailLength);
        RuleFor(c => c.Password).NotEmpty().Must(p => System.Text.Encoding.UTF8.GetByteCount(p ?? string.Empty) <= 1024)
            .WithMessage("The password is too long.");
        RuleFor(c => c.Tenant).NotEmpty().MaximumLength(Tenant.MaxSlugLength);
    }
}

public sealed class LoginCommandHandler(IIdentityStore store, IPasswordHasher passwords, IAccessTokenIssuer tokens)
    : ICommandHandler<LoginCommand, AccessToken>
{
    /// <summary>One message for every failure, so that a caller cannot tell which part was wrong.</summary>
    public const string Refused = "The email, password or tenant is wrong.";

    public async ValueTask<AccessToken> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await store.FindUserByEmailAsync(User.NormalizeEmail(command.Email), cancellationToken);
        // Verify even without a user (against no hash), so that an unknown email takes as long as a wrong password.
        var passwordMatches = passwords.Verify(command.Password, user?.PasswordHash);
        if (user is null || !passwordMatches)
        {
            throw new UnauthenticatedException(Refused);
        }

        var slug = command.Tenant.Trim().ToLowerInvariant();
        var tenant = Tenant.IsValidSlug(slug) ? await store.FindTenantBySlugAsync(slug, cancellationToken) : null;
        var membership = tenant is null ? null : await store.FindMembershipAsync(tenant.Id, user.Id, cancellationToken);
        if (tenant is null || membership is null)
        {
            throw new UnauthenticatedException(Refused);
        }

        var principal = new Principal(tenant.Id, PrincipalKind.User, user.Id.ToString(), user.DisplayName, membership.Role);
        return tokens.Issue(principal, user.Email);
    }
}
