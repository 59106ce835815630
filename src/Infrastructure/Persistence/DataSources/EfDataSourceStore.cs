using System.Runtime.CompilerServices;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.EntityFrameworkCore;

namespace Kurobe.Infrastructure.Persistence.DataSources;

/// <summary>
/// The data sources in the metadata store. Reads are untracked; a save attaches a fresh row and checks the
/// <c>version</c> it had when the source was read, so a concurrent edit of any field is refused, not overwritten.
/// </summary>
internal sealed class EfDataSourceStore(KurobeDbContext context) : IDataSourceStore
{
    // The version each loaded DataSource was read at, keyed by the instance (weakly, so instances still die young).
    // Domain objects carry no persistence state, and a source may be read in one scope and saved in another.
    private static readonly ConditionalWeakTable<DataSource, StoredState> ReadStates = [];

    /// <summary>The name of the PostgreSQL function (security definer) that lists every tenant's sources for the health monitor.</summary>
    public const string AllTenantsFunction = "kurobe_all_data_sources";

    public async Task<IReadOnlyList<DataSource>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await context.InTenantTransactionAsync(
            token => context.DataSources.AsNoTracking().OrderBy(r => r.Name).ToListAsync(token), cancellationToken);
        return records.Select(Load).ToList();
    }

    public async Task<IReadOnlyList<DataSource>> ListForAllTenantsAsync(CancellationToken cancellationToken)
    {
        // Row-level security hides other tenants' rows from the app role; the function runs as the schema owner.
        var rows = context.Provider == MetadataStoreProvider.Postgres
            ? context.DataSources.FromSqlRaw($"SELECT * FROM {AllTenantsFunction}()")
            : context.DataSources;
        var records = await context.InTenantTransactionAsync(
            token => rows.IgnoreQueryFilters().AsNoTracking().ToListAsync(token), cancellationToken);
        return records.Select(Load).ToList();
    }

    public async Task<DataSource?> FindAsync(DataSourceId id, CancellationToken cancellationToken)
    {
        var record = await context.InTenantTransactionAsync(
            token => context.DataSources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id.Value, token), cancellationToken);
        return record is null ? null : Load(record);
    }

    public async Task<DataSource?> FindByNameAsync(DataSourceName name, CancellationToken cancellationToken)
    {
        var record = await context.InTenantTransactionAsync(
            token => context.DataSources.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name.Value, token), cancellationToken);
        return record is null ? null : Load(record);
    }

    public async Task AddAsync(DataSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var record = DataSourceRecordMapping.ToRecord(source, version: 1);
        context.DataSources.Add(record);
        await SaveAsync(source, cancellationToken);
        ReadStates.AddOrUpdate(source, new StoredState(record.Version, source.UpdatedAt));
    }

    public async Task UpdateAsync(DataSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!ReadStates.TryGetValue(source, out var read))
        {
            throw new InvalidOperationException($"The data source '{source.Name}' was not read from the store; read it before saving it.");
        }

        var record = DataSourceRecordMapping.ToRecord(source, read.Version + 1);
        var entry = context.DataSources.Attach(record);
        entry.Property(r => r.Version).OriginalValue = read.Version;
        foreach (var property in entry.Properties)
        {
            property.IsModified = !property.Metadata.IsPrimaryKey() && property.Metadata.Name != nameof(DataSourceRecord.CreatedAt);
        }

        // When the change left the time alone, the store stamps it.
        entry.Property(r => r.UpdatedAt).IsModified = source.UpdatedAt != read.UpdatedAt;

        try
        {
            await SaveAsync(source, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var exists = await context.InTenantTransactionAsync(
                token => context.DataSources.AsNoTracking().AnyAsync(r => r.Id == source.Id.Value, token), cancellationToken);
            throw exists
                ? new ConflictException("The data source was changed by someone else; reload it and try again.", exception)
                : new NotFoundException($"The data source '{source.Name}' no longer exists.", exception);
        }

        ReadStates.AddOrUpdate(source, new StoredState(record.Version, source.UpdatedAt));
    }

    public async Task<bool> RemoveAsync(DataSourceId id, CancellationToken cancellationToken)
    {
        var deleted = await context.InTenantTransactionAsync(
            token => context.DataSources.Where(r => r.Id == id.Value).ExecuteDeleteAsync(token), cancellationToken);
        return deleted > 0;
    }

    private static DataSource Load(DataSourceRecord record)
    {
        var source = DataSourceRecordMapping.ToDomain(record);
        ReadStates.AddOrUpdate(source, new StoredState(record.Version, source.UpdatedAt));
        return source;
    }

    private async Task SaveAsync(DataSource source, CancellationToken cancellationToken)
    {
        try
        {
            await context.InTenantTransactionAsync(token => context.SaveChangesAsync(token), cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Matches(exception, out var onPrimaryKey))
        {
            throw new ConflictException(
                onPrimaryKey
                    ? $"A data source with the id {source.Id} already exists."
                    : $"A data source named '{source.Name}' already exists.",
                exception);
        }
        finally
        {
            // Every save starts from the database's state, not from rows a failed save left behind.
            context.ChangeTracker.Clear();
        }
    }

    private sealed record StoredState(int Version, DateTimeOffset UpdatedAt);
}
