using Kurobe.Application.Asking.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence.Asking;

/// <summary>Verified examples in the metadata store: every statement names the tenant and runs in its tenant transaction.</summary>
internal sealed class EfVerifiedExampleStore(KurobeDbContext context) : IVerifiedExampleStore
{
    public Task<VerifiedExampleEntry> AddAsync(VerifiedExampleEntry example, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(example);
        return context.InTenantTransactionAsync(token => AddOnceAsync(example, token), cancellationToken);
    }

    private async Task<VerifiedExampleEntry> AddOnceAsync(VerifiedExampleEntry example, CancellationToken cancellationToken)
    {
        var existing = await context.VerifiedExamples.AsNoTracking()
            .Where(r => r.TenantId == example.TenantId.Value && r.DataSourceId == example.DataSourceId.Value && r.Question == example.Question && r.Sql == example.Sql)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return ToEntry(existing);
        }

        var row = new VerifiedExampleRow
        {
            Id = example.Id,
            TenantId = example.TenantId.Value,
            DataSourceId = example.DataSourceId.Value,
            Question = example.Question,
            Sql = example.Sql,
            AskId = example.AskId,
            CreatedBy = example.CreatedBy,
            CreatedAt = EfAskHistory.Microseconds(example.CreatedAt),
        };
        context.VerifiedExamples.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            context.ChangeTracker.Clear();
        }

        return ToEntry(row);
    }

    public async Task<IReadOnlyList<VerifiedExampleEntry>> ListAsync(TenantId tenant, DataSourceId dataSource, CancellationToken cancellationToken)
    {
        var rows = await context.InTenantTransactionAsync(
            token => context.VerifiedExamples.AsNoTracking()
                .Where(r => r.TenantId == tenant.Value && r.DataSourceId == dataSource.Value)
                .OrderByDescending(r => r.CreatedAt)
                .ToListAsync(token),
            cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    public async Task<bool> RemoveAsync(TenantId tenant, Guid id, CancellationToken cancellationToken) =>
        await context.InTenantTransactionAsync(
            token => context.VerifiedExamples.Where(r => r.TenantId == tenant.Value && r.Id == id).ExecuteDeleteAsync(token), cancellationToken) > 0;

    private static VerifiedExampleEntry ToEntry(VerifiedExampleRow row) =>
        new(row.Id, new TenantId(row.TenantId), new DataSourceId(row.DataSourceId), row.Question, row.Sql, row.AskId, row.CreatedBy, row.CreatedAt);
}
