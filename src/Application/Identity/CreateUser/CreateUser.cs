using FluentValidation;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.CreateUser;

/// <summary>Creates a local user (with a password) as a member of the caller's tenant. Owners only.</summary>
[RequiresRole(Role.Owner)]
public sealed record CreateUserCommand(string Email, string DisplayName, string Password, Role Role) : ICommand<MemberView>
{
    public override string ToString() => $"{nameof(CreateUserCommand)} {{ Role = {Role} }}";
}

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(User.MaxDisplayNameLength);
        RuleFor(c => c.Password).ValidPassword();
        RuleFor(c => c.Role).IsInEnum();
    }
}

public sealed class CreateUserCommandHandler(ICurrentPrincipal current, IIdentityStore store, IPasswordHasher passwords, TimeProvider timeProvider)
    : ICommandHandler<CreateUserCommand, MemberView>
{
    public async ValueTask<MemberView> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var principal = current.RequireRole(Role.Owner);
        var email = User.NormalizeEmail(command.Email);
        if (await store.FindUserByEmailAsync(email, cancellationToken) is not null)
        {
            throw new ConflictException($"A user with the email '{email}' already exists.");
        }

        var now = timeProvider.GetUtcNow();
        var user = new User(new UserId(Guid.CreateVersion7(now)), email, command.DisplayName, passwords.Hash(command.Password), now);
        var membership = new Membership(principal.TenantId, user.Id, command.Role, now);
        await store.AddUserAsync(user, membership, cancellationToken);
        return MemberView.From(new Member(user, membership));
    }
}
