using System.Collections.Concurrent;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources.Health;

/// <summary>The latest status of every source, written by checks and read by queries and health endpoints.</summary>
public sealed class DataSourceStatusBoard
{
    private readonly ConcurrentDictionary<DataSourceId, DataSourceStatus> _statuses = new();

    public DataSourceStatus StatusOf(DataSourceId id) => _statuses.GetValueOrDefault(id, DataSourceStatus.NotChecked);

    public DataSourceStatus RecordSuccess(DataSourceId id, double latencyMs, string? serverVersion, DateTimeOffset at) =>
        _statuses[id] = new DataSourceStatus(DataSourceHealth.Healthy, latencyMs, at, null, at, serverVersion);

    public DataSourceStatus RecordFailure(DataSourceId id, double latencyMs, string error, DateTimeOffset at) =>
        _statuses.AddOrUpdate(
            id,
            _ => new DataSourceStatus(DataSourceHealth.Unhealthy, latencyMs, at, error, null, null),
            (_, previous) => previous with { Health = DataSourceHealth.Unhealthy, LatencyMs = latencyMs, CheckedAt = at, LastError = error });

    public void Forget(DataSourceId id) => _statuses.TryRemove(id, out _);
}
