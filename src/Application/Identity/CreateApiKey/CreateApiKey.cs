using FluentValidation;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Mediator;

namespace Kurobe.Application.Identity.CreateApiKey;

/// <summary>Creates an API key in the caller's tenant. Its secret is in the result and nowhere else, ever again.</summary>
[RequiresRole(Role.Admin)]
public sealed record CreateApiKeyCommand(string Name, Role Role, DateTimeOffset? ExpiresAt) : ICommand<CreatedApiKey>;

/// <summary>The new key and, this once, its full text.</summary>
public sealed record CreatedApiKey(ApiKeyView ApiKey, string Secret)
{
    public override string ToString() => $"{nameof(CreatedApiKey)} {{ ApiKey = {ApiKey}, Secret = *** }}";
}

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator(TimeProvider timeProvider)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(ApiKey.MaxNameLength);
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.ExpiresAt)
            .Must(e => e is null || e > timeProvider.GetUtcNow())
            .WithMessage("expiresAt must be in the future.");
    }
}

public sealed class CreateApiKeyCommandHandler(ICurrentPrincipal current, IIdentityStore store, TimeProvider timeProvider)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var principal = current.RequireRole(Role.Admin);
        if (command.Role > principal.Role)
        {
            throw new ForbiddenException($"A key cannot have more rights than its creator: you are {principal.Role}.");
        }

        var now = timeProvider.GetUtcNow();
        var (text, lookupId, hash) = ApiKeySecret.Generate();
        var key = new ApiKey(
            new ApiKeyId(Guid.CreateVersion7(now)), principal.TenantId, command.Name, command.Role, lookupId, hash,
            $"{principal.Kind}:{principal.Id}", now, command.ExpiresAt);
        await store.AddApiKeyAsync(key, cancellationToken);
        return new CreatedApiKey(ApiKeyView.From(key), text);
    }
}
