using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Asking.Ports;

/// <summary>Questions with SQL a person verified, per tenant and source; engines get them as examples.</summary>
public interface IVerifiedExampleStore
{
    /// <summary>Adds the example, or returns the tenant's existing one with the same source, question and SQL.</summary>
    Task<VerifiedExampleEntry> AddAsync(VerifiedExampleEntry example, CancellationToken cancellationToken);

    /// <summary>The tenant's examples for the source, newest first.</summary>
    Task<IReadOnlyList<VerifiedExampleEntry>> ListAsync(TenantId tenant, DataSourceId dataSource, CancellationToken cancellationToken);

    /// <summary>Deletes the tenant's example; false when there is no such example.</summary>
    Task<bool> RemoveAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);
}

/// <summary>A verified example as stored.</summary>
/// <param name="AskId">The ask it was verified from, when it came from feedback.</param>
/// <param name="CreatedBy">The principal who verified it.</param>
public sealed record VerifiedExampleEntry(
    Guid Id,
    TenantId TenantId,
    DataSourceId DataSourceId,
    string Question,
    string Sql,
    Guid? AskId,
    string CreatedBy,
    DateTimeOffset CreatedAt);
