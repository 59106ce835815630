using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.DataSources.DeleteDataSource;

/// <summary>Deletes a source created through the API, closing its connections and dropping its cached results.</summary>
[RequiresRole(Role.Admin)]
public sealed record DeleteDataSourceCommand(DataSourceId Id) : ICommand<DataSourceId>;

public sealed class DeleteDataSourceCommandHandler(IDataSourceCatalog catalog, IDataSourceStore store, DataSourceResources resources)
    : ICommandHandler<DeleteDataSourceCommand, DataSourceId>
{
    public async ValueTask<DataSourceId> Handle(DeleteDataSourceCommand command, CancellationToken cancellationToken)
    {
        if (!await store.RemoveAsync(command.Id, cancellationToken))
        {
            throw await DataSourceRules.NotEditableAsync(catalog, command.Id, cancellationToken);
        }

        await resources.ReleaseAsync(command.Id, cancellationToken);
        return command.Id;
    }
}
