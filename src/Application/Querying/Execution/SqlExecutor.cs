using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Querying.Execution;

/// <summary>
/// Resolves a request's source, puts its SQL through the statement gate and starts it on the right engine under its
/// time limit, visible to <c>runningQueries</c>. Nothing reaches an engine without passing the gate.
/// </summary>
public sealed class SqlExecutor(
    IDataSourceCatalog catalog,
    IEnumerable<IDataSourceConnector> connectors,
    IEnumerable<ISqlStatementGate> gates,
    RunningQueryRegistry registry,
    IOptions<QueryOptions> options,
    TimeProvider timeProvider)
{
    public async Task<PreparedSql> PrepareAsync(ISqlRequest request, CancellationToken cancellationToken)
    {
        var source = await ResolveSourceAsync(request.DataSourceId, cancellationToken);
        var gate = gates.FirstOrDefault(g => g.Kind == source.Kind)
            ?? throw new DataSourceUnavailableException($"This server cannot check SQL for {source.Kind} data sources.");
        var statement = await gate.CheckAsync(request.Sql, cancellationToken);
        var seconds = request.TimeoutSeconds ?? source.Limits.QueryTimeoutSeconds ?? options.Value.DefaultTimeoutSeconds;
        return new PreparedSql(source, statement, TimeSpan.FromSeconds(Math.Min(seconds, options.Value.MaxTimeoutSeconds)));
    }

    public async Task<SqlExecution> StartAsync(PreparedSql prepared, QueryMode mode, CancellationToken cancellationToken)
    {
        var source = prepared.Source;
        var connector = connectors.FirstOrDefault(r => r.Kind == source.Kind)
            ?? throw new DataSourceUnavailableException($"This server cannot run queries on {source.Kind} data sources.");
        var sql = prepared.Statement.Sql;
        var execution = new SqlExecution(source, registry.Register(source, sql, mode), prepared.TimeLimit, timeProvider, cancellationToken);
        try
        {
            await execution.OpenAsync(connector, sql);
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
            return await catalog.GetAsync(requested, cancellationToken);
        }

        return await catalog.FindDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("No dataSourceId was given and no default data source is configured.");
    }
}
