using Kurobe.Domain.Tenancy;
using FluentValidation;
using Kurobe.Application.Asking.Answering;
using Kurobe.Application.Asking.Ports;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Mediator;

namespace Kurobe.Application.Asking.GiveAskFeedback;

/// <summary>
/// A person's verdict on an answer. Up, or a corrected SQL that passes the gate and the source's check, makes the
/// question and SQL a verified example of the tenant for that source, which later questions get as an example.
/// </summary>
/// <param name="CorrectedSql">SQL that answers the question correctly, when the answer's was wrong.</param>
[RequiresRole(Role.Analyst)]
public sealed record GiveAskFeedbackCommand(Guid AskId, AskRating Rating, string? CorrectedSql) : ICommand<AskFeedbackResult>;

/// <param name="Example">The verified example the feedback created (or found), if any.</param>
public sealed record AskFeedbackResult(Guid AskId, AskRating Rating, VerifiedExampleEntry? Example);

public sealed class GiveAskFeedbackCommandValidator : AbstractValidator<GiveAskFeedbackCommand>
{
    public GiveAskFeedbackCommandValidator()
    {
        RuleFor(c => c.Rating).IsInEnum().WithName("rating");
        RuleFor(c => c.CorrectedSql)
            .Must(sql => !string.IsNullOrWhiteSpace(sql))
            .When(c => c.CorrectedSql is not null)
            .WithName("correctedSql")
            .WithMessage("correctedSql must not be empty.")
            .MaximumLength(100_000)
            .WithName("correctedSql");
    }
}

public sealed class GiveAskFeedbackCommandHandler(
    IAskHistory history,
    IVerifiedExampleStore examples,
    IDataSourceCatalog catalog,
    AskAnswerer answerer,
    ICurrentPrincipal currentPrincipal,
    TimeProvider timeProvider)
    : ICommandHandler<GiveAskFeedbackCommand, AskFeedbackResult>
{
    public async ValueTask<AskFeedbackResult> Handle(GiveAskFeedbackCommand command, CancellationToken cancellationToken)
    {
        var principal = currentPrincipal.Required();
        var ask = await history.FindAsync(principal.TenantId, command.AskId, cancellationToken)
            ?? throw new NotFoundException($"There is no ask with id '{command.AskId}'.");

        string? verifiedSql = null;
        if (command.CorrectedSql is { } corrected)
        {
            var source = ask.DataSourceId is { } id ? await catalog.GetAsync(id, cancellationToken) : throw new ConflictException("The ask has no data source to check SQL against.");
            if (await answerer.CheckAsync(source, corrected, cancellationToken) is { } failure)
            {
                throw failure.ByGate ? new SqlNotAllowedException(failure.Error) : new QueryFailedException(failure.Error);
            }

            verifiedSql = corrected.Trim();
        }
        else if (command.Rating == AskRating.Up && ask.Outcome == AskOutcome.Answered)
        {
            verifiedSql = ask.Sql;
        }

        await history.SetFeedbackAsync(principal.TenantId, ask.Id, command.Rating, command.CorrectedSql, timeProvider.GetUtcNow(), cancellationToken);
        if (verifiedSql is null || ask.DataSourceId is not { } dataSource)
        {
            return new AskFeedbackResult(ask.Id, command.Rating, null);
        }

        var example = await examples.AddAsync(
            new VerifiedExampleEntry(Guid.CreateVersion7(timeProvider.GetUtcNow()), principal.TenantId, dataSource, ask.Question, verifiedSql, ask.Id, principal.Id, timeProvider.GetUtcNow()),
            cancellationToken);
        return new AskFeedbackResult(ask.Id, command.Rating, example);
    }
}
