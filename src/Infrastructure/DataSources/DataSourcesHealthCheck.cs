using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>
/// Reports every source from the monitor's latest checks (checking now those never checked). An unreachable source
/// degrades only the queries that use it, so it makes the server Degraded, not unready. Health endpoints are
/// anonymous: sources from the server's configuration are named, tenants' own sources only counted.
/// </summary>
internal sealed class DataSourcesHealthCheck(IServiceScopeFactory scopes, DataSourceStatusBoard board) : IHealthCheck
{
    private const string TenantSources = "tenant sources";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sources = await scope.ServiceProvider.GetRequiredService<IDataSourceCatalog>().ListForAllTenantsAsync(cancellationToken);
        var probe = scope.ServiceProvider.GetRequiredService<DataSourceProbe>();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failing = new List<string>();
        var (tenantSources, tenantSourcesFailing) = (0, 0);
        foreach (var source in sources)
        {
            var status = board.StatusOf(source.Id);
            if (status.Health == DataSourceHealth.Unknown)
            {
                status = await probe.CheckAsync(source, cancellationToken);
            }

            var healthy = status.Health == DataSourceHealth.Healthy;
            if (source.Origin == DataSourceOrigin.Configuration)
            {
                data[source.Name.Value] = status.Health.ToString();
                if (!healthy)
                {
                    failing.Add(source.Name.Value);
                }
            }
            else
            {
                tenantSources++;
                tenantSourcesFailing += healthy ? 0 : 1;
            }
        }

        if (tenantSources > 0)
        {
            data[TenantSources] = $"{tenantSources - tenantSourcesFailing} of {tenantSources} answer";
            if (tenantSourcesFailing > 0)
            {
                failing.Add($"{tenantSourcesFailing} {TenantSources}");
            }
        }

        if (sources.Count == 0)
        {
            return HealthCheckResult.Degraded("No data sources are registered.", data: data);
        }

        return failing.Count == 0
            ? HealthCheckResult.Healthy($"{sources.Count} data source(s) answer.", data)
            : HealthCheckResult.Degraded($"Not answering: {string.Join(", ", failing)}.", data: data);
    }
}
