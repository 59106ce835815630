using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using FluentValidation;
using Kurobe.Application.Querying.Execution;
using Mediator;

namespace Kurobe.Application.Querying.CancelQuery;

/// <summary>Stops a running query in its engine.</summary>
[RequiresRole(Role.Analyst)]
public sealed record CancelQueryCommand(Guid QueryId) : ICommand<CancelQueryResult>;

/// <param name="Cancelled">False when the query was no longer running (it had finished, or never existed).</param>
public sealed record CancelQueryResult(Guid QueryId, bool Cancelled);

public sealed class CancelQueryCommandValidator : AbstractValidator<CancelQueryCommand>
{
    public CancelQueryCommandValidator() =>
        RuleFor(c => c.QueryId).NotEqual(Guid.Empty).WithMessage("queryId must be a query's id.");
}

public sealed class CancelQueryCommandHandler(RunningQueryRegistry registry) : ICommandHandler<CancelQueryCommand, CancelQueryResult>
{
    public ValueTask<CancelQueryResult> Handle(CancelQueryCommand command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CancelQueryResult(command.QueryId, registry.TryCancel(command.QueryId)));
}
