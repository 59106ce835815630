using Kurobe.Infrastructure.Persistence.DataSources;
using Kurobe.Infrastructure.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>
/// The metadata store. Each provider has its own subclass so that each keeps its own migrations; the model is the
/// same, apart from the column types a provider does better (jsonb, timestamptz).
/// </summary>
internal abstract class KurobeDbContext : DbContext
{
    protected KurobeDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataSourceRecord> DataSources => Set<DataSourceRecord>();

    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<MembershipRecord> Memberships => Set<MembershipRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public abstract MetadataStoreProvider Provider { get; }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DataSourceRecordConfiguration(Provider));
        modelBuilder.ApplyConfiguration(new TenantRecordConfiguration(Provider));
        modelBuilder.ApplyConfiguration(new UserRecordConfiguration(Provider));
        modelBuilder.ApplyConfiguration(new MembershipRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyRecordConfiguration(Provider));
    }
}
