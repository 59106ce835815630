using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Infrastructure.Persistence.DataSources;

/// <summary>Between the Domain's <see cref="DataSource"/> and its row, both ways, field by field.</summary>
internal static class DataSourceRecordMapping
{
    public static DataSourceRecord ToRecord(DataSource source, int version) => new()
    {
        Id = source.Id.Value,
        TenantId = source.TenantId.Value,
        Name = source.Name.Value,
        Kind = DataSourceConnectionJson.KindName(source.Kind),
        Connection = DataSourceConnectionJson.Write(source.Connection),
        Secret = source.Secret?.Ciphertext,
        QueryTimeoutSeconds = source.Limits.QueryTimeoutSeconds,
        CacheTtlSeconds = source.Limits.CacheTtlSeconds,
        Revision = source.Revision,
        Version = version,
        CreatedAt = source.CreatedAt,
        UpdatedAt = source.UpdatedAt,
    };

    public static DataSource ToDomain(DataSourceRecord record) => DataSource.Restore(
        new TenantId(record.TenantId),
        new DataSourceId(record.Id),
        DataSourceName.Create(record.Name),
        DataSourceConnectionJson.Read(record.Connection),
        record.Secret is null ? null : new ProtectedSecret(record.Secret),
        new DataSourceLimits(record.QueryTimeoutSeconds, record.CacheTtlSeconds),
        record.CreatedAt,
        record.UpdatedAt,
        record.Revision);
}
