using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Asking.Ports;

/// <summary>Every question asked, per tenant, with its outcome and the feedback it got.</summary>
public interface IAskHistory
{
    Task AddAsync(AskRecord record, CancellationToken cancellationToken);

    /// <summary>The tenant's ask with the id; null when there is none (or it is another tenant's).</summary>
    Task<AskRecord?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);

    /// <summary>The tenant's asks, newest first: at most <paramref name="first"/>, after the position <paramref name="after"/>.</summary>
    Task<AskHistoryPage> ListAsync(TenantId tenant, int first, AskHistoryPosition? after, CancellationToken cancellationToken);

    /// <summary>Stores the feedback on the tenant's ask; false when there is no such ask.</summary>
    Task<bool> SetFeedbackAsync(TenantId tenant, Guid id, AskRating rating, string? correctedSql, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>One ask, as history keeps it.</summary>
/// <param name="PrincipalId">Who asked.</param>
/// <param name="DataSourceId">The source asked; null when none could be resolved.</param>
/// <param name="ProblemCode">The first problem's code, when the ask was not answered.</param>
/// <param name="EngineProvider">The text-to-SQL provider that was asked, when one was reached.</param>
/// <param name="EngineProfile">Its profile.</param>
public sealed record AskRecord(
    Guid Id,
    TenantId TenantId,
    string PrincipalId,
    DataSourceId? DataSourceId,
    string Question,
    string? Sql,
    AskOutcome Outcome,
    string? ProblemCode,
    string? EngineProvider,
    string? EngineProfile,
    double DurationMs,
    long RowCount,
    DateTimeOffset CreatedAt,
    AskRating? Rating = null,
    string? CorrectedSql = null);

/// <summary>A person's verdict on an answer.</summary>
public enum AskRating
{
    Up,
    Down,
}

/// <summary>Where a page of history ends: the last ask's time and id.</summary>
public sealed record AskHistoryPosition(DateTimeOffset CreatedAt, Guid Id);

/// <summary>A page of history, newest first.</summary>
public sealed record AskHistoryPage(IReadOnlyList<AskRecord> Items, bool HasNextPage);
