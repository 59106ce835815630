using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.DataSources.Health;

/// <summary>Checks that a source answers, within the probe timeout, and records the outcome on the status board.</summary>
public sealed class DataSourceProbe(
    IEnumerable<IDataSourceConnector> connectors,
    DataSourceStatusBoard board,
    IOptions<DataSourceOptions> options,
    TimeProvider timeProvider)
{
    public async Task<DataSourceStatus> CheckAsync(DataSource source, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds));
        try
        {
            var connector = connectors.FirstOrDefault(c => c.Kind == source.Kind)
                ?? throw new DataSourceUnavailableException($"This server cannot connect to {source.Kind} data sources.");
            var version = await connector.PingAsync(source, timeout.Token);
            return board.RecordSuccess(source.Id, Elapsed(started), version, timeProvider.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return board.RecordFailure(source.Id, Elapsed(started), $"No answer within {options.Value.ProbeTimeoutSeconds} s.", timeProvider.GetUtcNow());
        }
        catch (Exception exception) when (exception is DataSourceUnavailableException or QueryFailedException)
        {
            return board.RecordFailure(source.Id, Elapsed(started), exception.Message, timeProvider.GetUtcNow());
        }
    }

    private double Elapsed(long started) => timeProvider.GetElapsedTime(started).TotalMilliseconds;
}
