using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>
/// Brings the metadata store's schema up to date at start-up, before any other hosted service uses it. Safe to run
/// again and from several nodes at once: EF Core takes a migration lock (an advisory lock on PostgreSQL, a lock row
/// on SQLite) and applies only what is missing.
/// </summary>
internal sealed partial class MetadataStoreMigrator(
    MetadataStoreConnection connection,
    ILogger<MetadataStoreMigrator> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        LogMigrating(logger, connection.Provider, connection.Location);
        if (connection.DataDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        // As the login role, which owns the schema: runtime connections act as the app role, which owns nothing.
        await using var context = CreateOwnerContext();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        if (connection.Provider == MetadataStoreProvider.Sqlite)
        {
            // Readers never wait for the writer. The mode is kept in the file; setting it again is a no-op.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        if (pending.Count == 0)
        {
            LogUpToDate(logger);
        }
        else
        {
            LogApplied(logger, pending.Count, pending[^1]);
        }
    }

    /// <summary>A context connected as the login role, which owns the schema; for migrations only.</summary>
    internal KurobeDbContext CreateOwnerContext() => connection.Provider == MetadataStoreProvider.Postgres
        ? new PostgresKurobeDbContext(new DbContextOptionsBuilder<PostgresKurobeDbContext>().UseNpgsql(connection.ConnectionString).Options)
        : new SqliteKurobeDbContext(new DbContextOptionsBuilder<SqliteKurobeDbContext>().UseSqlite(connection.ConnectionString).Options);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Metadata store: {Provider} at {Location}")]
    private static partial void LogMigrating(ILogger logger, MetadataStoreProvider provider, string location);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Metadata store schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Metadata store: applied {Count} migration(s), now at {Migration}")]
    private static partial void LogApplied(ILogger logger, int count, string migration);
}
