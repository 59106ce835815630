using Kurobe.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kurobe.Infrastructure.Persistence.DataSources;

internal sealed class DataSourceRecordConfiguration(MetadataStoreProvider provider) : IEntityTypeConfiguration<DataSourceRecord>
{
    public const string TableName = "data_sources";

    public const string NameIndexName = "ix_data_sources_tenant_id_name";

    public void Configure(EntityTypeBuilder<DataSourceRecord> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();

        var name = builder.Property(r => r.Name).HasMaxLength(DataSourceName.MaxLength).IsRequired();
        builder.Property(r => r.TenantId).IsRequired();
        builder.HasIndex(r => new { r.TenantId, r.Name }).IsUnique().HasDatabaseName(NameIndexName);

        builder.Property(r => r.Kind).HasMaxLength(16).IsRequired();
        var connection = builder.Property(r => r.Connection).IsRequired();
        builder.Property(r => r.Secret);
        builder.Property(r => r.QueryTimeoutSeconds);
        builder.Property(r => r.CacheTtlSeconds);
        builder.Property(r => r.Revision).IsRequired();
        builder.Property(r => r.Version).IsRequired().IsConcurrencyToken();
        builder.Property(r => r.CreatedAt).IsRequired();
        builder.Property(r => r.UpdatedAt).IsRequired();

        if (provider == MetadataStoreProvider.Postgres)
        {
            connection.HasColumnType("jsonb");
            // Names are ASCII identifiers: compare and sort them byte-wise, as SQLite does, whatever the database's locale.
            name.UseCollation("C");
        }
    }
}
