using Kurobe.Application.DataSources;
using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>Checks every source on an interval, so status, health endpoints and the API show what is reachable now.</summary>
internal sealed partial class DataSourceHealthMonitor(
    IServiceScopeFactory scopes,
    IOptions<DataSourceOptions> options,
    TimeProvider timeProvider,
    ILogger<DataSourceHealthMonitor> logger)
    : BackgroundService
{
    private const int ParallelChecks = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HealthCheckIntervalSeconds), timeProvider);
        do
        {
            try
            {
                await CheckAllAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The metadata store may be briefly unavailable; the next round tries again.
                LogRoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IDataSourceCatalog>();
        var probe = scope.ServiceProvider.GetRequiredService<DataSourceProbe>();
        var board = scope.ServiceProvider.GetRequiredService<DataSourceStatusBoard>();
        var sources = await catalog.ListForAllTenantsAsync(cancellationToken);
        await Parallel.ForEachAsync(
            sources,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelChecks, CancellationToken = cancellationToken },
            async (source, token) =>
            {
                var before = board.StatusOf(source.Id).Health;
                var status = await probe.CheckAsync(source, token);
                if (status.Health != before && status.Health == DataSourceHealth.Unhealthy)
                {
                    LogUnhealthy(logger, source.Name.Value, status.LastError);
                }
                else if (status.Health != before && before == DataSourceHealth.Unhealthy)
                {
                    LogRecovered(logger, source.Name.Value);
                }
            });
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Data source {DataSourceName} is not answering: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string dataSourceName, string? reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Data source {DataSourceName} answers again")]
    private static partial void LogRecovered(ILogger logger, string dataSourceName);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Could not check the data sources this round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
