using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kurobe.Infrastructure.Persistence.Asking;

internal sealed class AskHistoryRowConfiguration : IEntityTypeConfiguration<AskHistoryRow>
{
    public const string TableName = "ask_history";

    public void Configure(EntityTypeBuilder<AskHistoryRow> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.PrincipalId).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Question).HasMaxLength(2_000).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(16).IsRequired();
        builder.Property(r => r.ProblemCode).HasMaxLength(64);
        builder.Property(r => r.EngineProvider).HasMaxLength(64);
        builder.Property(r => r.EngineProfile).HasMaxLength(64);
        builder.Property(r => r.Rating).HasMaxLength(8);
        builder.Property(r => r.CreatedAt).IsRequired();
        // History pages are read per tenant, newest first.
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt, r.Id }).HasDatabaseName("ix_ask_history_tenant_created");
    }
}

internal sealed class VerifiedExampleRowConfiguration : IEntityTypeConfiguration<VerifiedExampleRow>
{
    public const string TableName = "verified_examples";

    public void Configure(EntityTypeBuilder<VerifiedExampleRow> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.DataSourceId).IsRequired();
        builder.Property(r => r.Question).HasMaxLength(2_000).IsRequired();
        builder.Property(r => r.Sql).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.CreatedAt).IsRequired();
        builder.HasIndex(r => new { r.TenantId, r.DataSourceId }).HasDatabaseName("ix_verified_examples_tenant_source");
    }
}
