using Kurobe.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kurobe.Infrastructure.Persistence.Identity;

internal sealed class TenantRecordConfiguration(MetadataStoreProvider provider) : IEntityTypeConfiguration<TenantRecord>
{
    public const string SlugIndexName = "ix_tenants_slug";

    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        var slug = builder.Property(r => r.Slug).HasMaxLength(Tenant.MaxSlugLength).IsRequired();
        builder.HasIndex(r => r.Slug).IsUnique().HasDatabaseName(SlugIndexName);
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.CreatedAt).IsRequired();
        builder.Property(r => r.UpdatedAt).IsRequired();
        if (provider == MetadataStoreProvider.Postgres)
        {
            slug.UseCollation("C");
        }
    }
}

internal sealed class UserRecordConfiguration(MetadataStoreProvider provider) : IEntityTypeConfiguration<UserRecord>
{
    public const string EmailIndexName = "ix_users_email";

    public void Configure(EntityTypeBuilder<UserRecord> builder)
    {
        builder.ToTable("users");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        var email = builder.Property(r => r.Email).HasMaxLength(User.MaxEmailLength).IsRequired();
        builder.HasIndex(r => r.Email).IsUnique().HasDatabaseName(EmailIndexName);
        builder.Property(r => r.DisplayName).HasMaxLength(User.MaxDisplayNameLength).IsRequired();
        builder.Property(r => r.PasswordHash).HasMaxLength(100);
        builder.Property(r => r.CreatedAt).IsRequired();
        builder.Property(r => r.UpdatedAt).IsRequired();
        if (provider == MetadataStoreProvider.Postgres)
        {
            email.UseCollation("C");
        }
    }
}

internal sealed class MembershipRecordConfiguration : IEntityTypeConfiguration<MembershipRecord>
{
    public void Configure(EntityTypeBuilder<MembershipRecord> builder)
    {
        builder.ToTable("memberships");
        builder.HasKey(r => new { r.TenantId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.Property(r => r.Role).HasMaxLength(16).IsRequired();
        builder.Property(r => r.CreatedAt).IsRequired();
        builder.Property(r => r.UpdatedAt).IsRequired();
        builder.HasOne<TenantRecord>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyRecordConfiguration(MetadataStoreProvider provider) : IEntityTypeConfiguration<ApiKeyRecord>
{
    public const string LookupIdIndexName = "ix_api_keys_lookup_id";

    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.TenantId);
        builder.Property(r => r.Name).HasMaxLength(ApiKey.MaxNameLength).IsRequired();
        builder.Property(r => r.Role).HasMaxLength(16).IsRequired();
        var lookupId = builder.Property(r => r.LookupId).HasMaxLength(32).IsRequired();
        builder.HasIndex(r => r.LookupId).IsUnique().HasDatabaseName(LookupIdIndexName);
        builder.Property(r => r.SecretHash).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.ExpiresAt);
        builder.Property(r => r.RevokedAt);
        builder.Property(r => r.LastUsedAt);
        builder.Property(r => r.CreatedAt).IsRequired();
        builder.Property(r => r.UpdatedAt).IsRequired();
        builder.HasOne<TenantRecord>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        if (provider == MetadataStoreProvider.Postgres)
        {
            lookupId.UseCollation("C");
        }
    }
}
