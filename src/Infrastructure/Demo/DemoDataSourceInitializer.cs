using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.DataSources;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Demo;

/// <summary>
/// Creates the demo database on first start and registers it. It runs before the server accepts requests, so the
/// demo is queryable from the first request on; later starts find the file and only register it.
/// </summary>
internal sealed partial class DemoDataSourceInitializer(
    DemoDatabaseBuilder builder,
    ConfiguredDataSources catalog,
    IOptions<DemoOptions> demoOptions,
    IOptions<StorageOptions> storageOptions,
    TimeProvider timeProvider,
    ILogger<DemoDataSourceInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = demoOptions.Value;
        if (!demo.Enabled)
        {
            return;
        }

        var directory = storageOptions.Value.ResolveDataDirectory();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, DemoOptions.FileName);
        if (File.Exists(path))
        {
            LogFound(logger, path);
        }
        else
        {
            LogGenerating(logger, demo.Scale, path);
            await builder.BuildAsync(path, demo.Scale, cancellationToken);
        }

        var name = DataSourceName.Create(DemoOptions.DataSourceName);
        catalog.Register(new DataSource(TenantId.Default, DataSourceId.ForConfiguredSource(name), name, new DuckDbConnection(path), DataSourceOrigin.Configuration, timeProvider.GetUtcNow(), demo.IsDefault));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Using the demo data set at {Path}")]
    private static partial void LogFound(ILogger logger, string path);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "First start: generating the demo data set (scale {Scale}) at {Path}")]
    private static partial void LogGenerating(ILogger logger, int scale, string path);
}
