using Kurobe.Domain.Tenancy;
using Kurobe.Application.Asking.Ports;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Mediator;

namespace Kurobe.Application.Asking.DeleteVerifiedExample;

/// <summary>Deletes one of the caller's tenant's verified examples; later questions no longer get it.</summary>
[RequiresRole(Role.Admin)]
public sealed record DeleteVerifiedExampleCommand(Guid Id) : ICommand<Guid>;

public sealed class DeleteVerifiedExampleCommandHandler(IVerifiedExampleStore examples, ICurrentPrincipal principal)
    : ICommandHandler<DeleteVerifiedExampleCommand, Guid>
{
    public async ValueTask<Guid> Handle(DeleteVerifiedExampleCommand command, CancellationToken cancellationToken) =>
        await examples.RemoveAsync(principal.Required().TenantId, command.Id, cancellationToken)
            ? command.Id
            : throw new NotFoundException($"There is no verified example with id '{command.Id}'.");
}
