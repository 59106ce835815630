using Kurobe.Application.Asking.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence.Asking;

/// <summary>Verified examples in the metadata store. Every read filters by the tenant.</summary>
internal sealed class EfVerifiedExampleStore(KurobeDbContext context) : IVerifiedExampleStore
{
    public async Task<VerifiedExampleEntry> AddAsync(VerifiedExampleEntry example, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(example);
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
        var rows = await context.VerifiedExamples.AsNoTracking()
            .Where(r => r.TenantId == tenant.Value && r.DataSourceId == dataSource.Value)
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    public async Task<bool> RemoveAsync(TenantId tenant, Guid id, CancellationToken cancellationToken) =>
        await context.VerifiedExamples.Where(r => r.TenantId == tenant.Value && r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private static VerifiedExampleEntry ToEntry(VerifiedExampleRow row) =>
        new(row.Id, new TenantId(row.TenantId), new DataSourceId(row.DataSourceId), row.Question, row.Sql, row.AskId, row.CreatedBy, row.CreatedAt);
}
