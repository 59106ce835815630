using Kurobe.Application.Common.Security;
using Kurobe.Infrastructure.Persistence.Asking;
using Kurobe.Infrastructure.Persistence.DataSources;
using Kurobe.Infrastructure.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>
/// The metadata store. Each provider has its own subclass so that each keeps its own migrations; the model is the
/// same, apart from the column types a provider does better (jsonb, timestamptz).
/// </summary>
/// <remarks>
/// Every tenant-owned row is filtered to the caller's tenant by a global query filter, on both providers; on
/// PostgreSQL row-level security enforces the same below EF (see <see cref="TenantSessionInterceptor"/>). Outside an
/// authenticated operation the tenant is empty and nothing tenant-owned is visible.
/// </remarks>
internal abstract class KurobeDbContext : DbContext
{
    private readonly ICurrentPrincipal? _principal;

    protected KurobeDbContext(DbContextOptions options, ICurrentPrincipal? principal)
        : base(options) =>
        _principal = principal;

    public DbSet<DataSourceRecord> DataSources => Set<DataSourceRecord>();

    public DbSet<AskHistoryRow> AskHistory => Set<AskHistoryRow>();

    public DbSet<VerifiedExampleRow> VerifiedExamples => Set<VerifiedExampleRow>();

    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<MembershipRecord> Memberships => Set<MembershipRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public abstract MetadataStoreProvider Provider { get; }

    /// <summary>The tenant this context reads and writes: the caller's, or none (<see cref="Guid.Empty"/>).</summary>
    public Guid CurrentTenantId => _tenantOverride ?? _principal?.Current?.TenantId.Value ?? Guid.Empty;

    private Guid? _tenantOverride;

    /// <summary>
    /// Acts for <paramref name="tenant"/> rather than the caller's tenant, for the few writes that happen before
    /// anyone is authenticated in it (a tenant's creation, its first key). Dispose to return to the caller's tenant.
    /// </summary>
    public IDisposable ActFor(Guid tenant)
    {
        var previous = _tenantOverride;
        _tenantOverride = tenant;
        return new TenantOverride(this, previous);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, which on PostgreSQL carries the tenant for row-level security.
    /// Every store operation goes through here: a statement outside a transaction sees no tenant's rows.
    /// </summary>
    public async Task<T> InTenantTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DataSourceRecordConfiguration(Provider));
        modelBuilder.Entity<DataSourceRecord>().HasQueryFilter(r => r.TenantId == CurrentTenantId);
        modelBuilder.Entity<AskHistoryRow>().HasQueryFilter(r => r.TenantId == CurrentTenantId);
        modelBuilder.Entity<VerifiedExampleRow>().HasQueryFilter(r => r.TenantId == CurrentTenantId);
        modelBuilder.ApplyConfiguration(new AskHistoryRowConfiguration());
        modelBuilder.ApplyConfiguration(new VerifiedExampleRowConfiguration());
        modelBuilder.ApplyConfiguration(new TenantRecordConfiguration(Provider));
        modelBuilder.ApplyConfiguration(new UserRecordConfiguration(Provider));
        modelBuilder.ApplyConfiguration(new MembershipRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyRecordConfiguration(Provider));
        modelBuilder.Entity<TenantRecord>().HasQueryFilter(r => r.Id == CurrentTenantId);
        modelBuilder.Entity<MembershipRecord>().HasQueryFilter(r => r.TenantId == CurrentTenantId);
        modelBuilder.Entity<ApiKeyRecord>().HasQueryFilter(r => r.TenantId == CurrentTenantId);
    }

    private sealed class TenantOverride(KurobeDbContext context, Guid? previous) : IDisposable
    {
        public void Dispose() => context._tenantOverride = previous;
    }
}
