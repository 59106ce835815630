using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.DataSources.Schema;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources;

/// <summary>What the server holds for a source beyond its stored definition: pools, schema, status, cached results.</summary>
public sealed class DataSourceResources(
    IEnumerable<IDataSourceConnector> connectors,
    DataSourceSchemaCache schemas,
    DataSourceStatusBoard statuses,
    IQueryResultCache results)
{
    /// <summary>Drops all of it, after a source was reconfigured or deleted.</summary>
    public async Task ReleaseAsync(DataSourceId id, CancellationToken cancellationToken)
    {
        foreach (var connector in connectors)
        {
            await connector.ReleaseAsync(id);
        }

        schemas.Forget(id);
        statuses.Forget(id);
        await results.InvalidateAsync(id, cancellationToken);
    }
}
