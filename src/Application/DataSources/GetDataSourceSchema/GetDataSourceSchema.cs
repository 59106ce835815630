using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.DataSources.Schema;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.DataSources.GetDataSourceSchema;

/// <summary>A source's tables and columns, from the schema cache.</summary>
[RequiresRole(Role.Viewer)]
public sealed record GetDataSourceSchemaQuery(DataSourceId Id) : IQuery<SchemaSnapshot>;

public sealed class GetDataSourceSchemaQueryHandler(IDataSourceCatalog catalog, DataSourceSchemaCache schemas)
    : IQueryHandler<GetDataSourceSchemaQuery, SchemaSnapshot>
{
    public async ValueTask<SchemaSnapshot> Handle(GetDataSourceSchemaQuery query, CancellationToken cancellationToken)
    {
        var source = await catalog.GetAsync(query.Id, cancellationToken);
        return await schemas.GetAsync(source, refresh: false, cancellationToken);
    }
}
