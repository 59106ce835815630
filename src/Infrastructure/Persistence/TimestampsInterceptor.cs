using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>
/// Fills <c>created_at</c> and <c>updated_at</c> on save, and stores every timestamp in UTC with microsecond precision
/// (what PostgreSQL keeps), so a row reads back the same on either provider. A timestamp the caller set is kept:
/// the domain decides when its changes happened; the clock only fills what nobody set.
/// </summary>
internal sealed class TimestampsInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = Normalize(timeProvider.GetUtcNow());
        foreach (var entry in context.ChangeTracker.Entries<IHasTimestamps>())
        {
            var createdAt = entry.Property(r => r.CreatedAt);
            var updatedAt = entry.Property(r => r.UpdatedAt);
            switch (entry.State)
            {
                case EntityState.Added:
                    createdAt.CurrentValue = createdAt.CurrentValue == default ? now : Normalize(createdAt.CurrentValue);
                    updatedAt.CurrentValue = updatedAt.CurrentValue == default ? createdAt.CurrentValue : Normalize(updatedAt.CurrentValue);
                    break;
                case EntityState.Modified:
                    updatedAt.CurrentValue = updatedAt.IsModified ? Normalize(updatedAt.CurrentValue) : now;
                    updatedAt.IsModified = true;
                    createdAt.IsModified = false;
                    break;
                default:
                    break;
            }
        }
    }
}
