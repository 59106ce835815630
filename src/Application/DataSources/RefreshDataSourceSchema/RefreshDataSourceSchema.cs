using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.DataSources.Schema;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.DataSources.RefreshDataSourceSchema;

/// <summary>Reads a source's schema from its engine again, replacing the cached one.</summary>
[RequiresRole(Role.Admin)]
public sealed record RefreshDataSourceSchemaCommand(DataSourceId Id) : ICommand<SchemaSnapshot>;

public sealed class RefreshDataSourceSchemaCommandHandler(IDataSourceCatalog catalog, DataSourceSchemaCache schemas)
    : ICommandHandler<RefreshDataSourceSchemaCommand, SchemaSnapshot>
{
    public async ValueTask<SchemaSnapshot> Handle(RefreshDataSourceSchemaCommand command, CancellationToken cancellationToken)
    {
        var source = await catalog.GetAsync(command.Id, cancellationToken);
        return await schemas.GetAsync(source, refresh: true, cancellationToken);
    }
}
