using Kurobe.Application.Asking;
using Kurobe.Application.Asking.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence.Asking;

/// <summary>Ask history in the metadata store: every statement names the tenant and runs in its tenant transaction.</summary>
internal sealed class EfAskHistory(KurobeDbContext context) : IAskHistory
{
    public async Task AddAsync(AskRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        context.AskHistory.Add(ToRow(record));
        try
        {
            await context.InTenantTransactionAsync(token => context.SaveChangesAsync(token), cancellationToken);
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }

    public async Task<AskRecord?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken)
    {
        var row = await context.InTenantTransactionAsync(
            token => context.AskHistory.AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == tenant.Value && r.Id == id, token), cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public Task<AskHistoryPage> ListAsync(TenantId tenant, int first, AskHistoryPosition? after, CancellationToken cancellationToken) =>
        context.InTenantTransactionAsync(token => ListPageAsync(tenant, first, after, token), cancellationToken);

    private async Task<AskHistoryPage> ListPageAsync(TenantId tenant, int first, AskHistoryPosition? after, CancellationToken cancellationToken)
    {
        var rows = context.AskHistory.AsNoTracking().Where(r => r.TenantId == tenant.Value);
        var skipThrough = (Guid?)null;
        var ties = 0;
        if (after is not null)
        {
            // Ids do not compare the same way in every database and in .NET, so the page starts at the cursor's time
            // and skips the rows of that very time up to the cursor's own row, in the database's order.
            rows = rows.Where(r => r.CreatedAt <= after.CreatedAt);
            ties = await rows.CountAsync(r => r.CreatedAt == after.CreatedAt, cancellationToken);
            skipThrough = after.Id;
        }

        var fetched = await rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(first + 1 + ties).ToListAsync(cancellationToken);
        if (skipThrough is { } cursorId && after is not null)
        {
            var index = fetched.FindIndex(r => r.Id == cursorId);
            fetched = index >= 0
                ? fetched[(index + 1)..]
                : [.. fetched.Where(r => r.CreatedAt < after.CreatedAt)];
        }

        var page = fetched.Take(first).Select(ToRecord).ToList();
        return new AskHistoryPage(page, fetched.Count > first);
    }

    public async Task<bool> SetFeedbackAsync(TenantId tenant, Guid id, AskRating rating, string? correctedSql, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ratingText = rating == AskRating.Up ? "up" : "down";
        var updated = await context.InTenantTransactionAsync(
            token => context.AskHistory
                .Where(r => r.TenantId == tenant.Value && r.Id == id)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(r => r.Rating, ratingText).SetProperty(r => r.CorrectedSql, correctedSql).SetProperty(r => r.FeedbackAt, Microseconds(at)),
                    token),
            cancellationToken);
        return updated > 0;
    }

    private static AskHistoryRow ToRow(AskRecord record) => new()
    {
        Id = record.Id,
        TenantId = record.TenantId.Value,
        PrincipalId = record.PrincipalId,
        DataSourceId = record.DataSourceId?.Value,
        Question = record.Question,
        Sql = record.Sql,
        Outcome = record.Outcome.ToString().ToLowerInvariant(),
        ProblemCode = record.ProblemCode,
        EngineProvider = record.EngineProvider,
        EngineProfile = record.EngineProfile,
        DurationMs = Math.Round(record.DurationMs, 3),
        RowCount = record.RowCount,
        Rating = record.Rating switch { AskRating.Up => "up", AskRating.Down => "down", _ => null },
        CorrectedSql = record.CorrectedSql,
        CreatedAt = Microseconds(record.CreatedAt),
    };

    private static AskRecord ToRecord(AskHistoryRow row) => new(
        row.Id,
        new TenantId(row.TenantId),
        row.PrincipalId,
        row.DataSourceId is { } source ? new DataSourceId(source) : null,
        row.Question,
        row.Sql,
        Enum.TryParse<AskOutcome>(row.Outcome, ignoreCase: true, out var outcome) ? outcome : AskOutcome.Failed,
        row.ProblemCode,
        row.EngineProvider,
        row.EngineProfile,
        row.DurationMs,
        row.RowCount,
        row.CreatedAt,
        row.Rating switch { "up" => AskRating.Up, "down" => AskRating.Down, _ => null },
        row.CorrectedSql);

    /// <summary>The stores keep microseconds; cursors must name times as they were stored.</summary>
    internal static DateTimeOffset Microseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
