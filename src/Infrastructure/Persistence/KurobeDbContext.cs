using Kurobe.Infrastructure.Persistence.Asking;
using Kurobe.Infrastructure.Persistence.DataSources;
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

    public DbSet<AskHistoryRow> AskHistory => Set<AskHistoryRow>();

    public DbSet<VerifiedExampleRow> VerifiedExamples => Set<VerifiedExampleRow>();

    public abstract MetadataStoreProvider Provider { get; }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DataSourceRecordConfiguration(Provider));
        modelBuilder.ApplyConfiguration(new AskHistoryRowConfiguration());
        modelBuilder.ApplyConfiguration(new VerifiedExampleRowConfiguration());
    }
}
