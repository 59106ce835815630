using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Querying.Execution;

/// <summary>Starts SQL on the right engine under the request's time limit, visible to <c>runningQueries</c>.</summary>
public sealed class SqlExecutor(
    IDataSourceCatalog catalog,
    IEnumerable<IDataSourceConnector> runners,
    RunningQueryRegistry registry,
    IOptions<QueryOptions> options,
    TimeProvider timeProvider)
{
    public async Task<SqlExecution> StartAsync(ISqlRequest request, QueryMode mode, CancellationToken cancellationToken)
    {
        var source = await ResolveSourceAsync(request.DataSourceId, cancellationToken);
        var runner = runners.FirstOrDefault(r => r.Kind == source.Kind)
            ?? throw new DataSourceUnavailableException($"This server cannot run queries on {source.Kind} data sources.");
        var timeLimit = TimeSpan.FromSeconds(request.TimeoutSeconds ?? options.Value.DefaultTimeoutSeconds);

        var execution = new SqlExecution(source, registry.Register(source, request.Sql, mode), timeLimit, timeProvider, cancellationToken);
        try
        {
            await execution.OpenAsync(runner, request.Sql);
            return execution;
        }
        catch
        {
            await execution.DisposeAsync();
            throw;
        }
    }

    private async Task<DataSource> ResolveSourceAsync(DataSourceId? id, CancellationToken cancellationToken)
    {
        if (id is { } requested)
        {
            return await catalog.FindAsync(requested, cancellationToken)
                ?? throw new NotFoundException($"There is no data source with id '{requested}'.");
        }

        return await catalog.FindDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("No dataSourceId was given and no default data source is configured.");
    }
}
