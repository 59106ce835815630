using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>Command-line entry points for the metadata store, run without starting the server.</summary>
public static partial class MetadataStoreCommands
{
    /// <summary>Applies pending migrations (<c>kurobe migrate</c>); 0 on success, 1 on failure, with the reason logged.</summary>
    public static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetadataStoreCommands));
        var migrator = services.GetService<MetadataStoreMigrator>();
        if (migrator is null)
        {
            LogNotRegistered(logger);
            return 1;
        }

        try
        {
            await migrator.MigrateAsync(cancellationToken);
            return 0;
        }
#pragma warning disable CA1031 // A command reports any failure as its exit code, after logging it.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception);
            return 1;
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "The metadata store is not configured (AddKurobeMetadataStore was not called)")]
    private static partial void LogNotRegistered(ILogger logger);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Migrating the metadata store failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
