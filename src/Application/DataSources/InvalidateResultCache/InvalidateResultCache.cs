using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.DataSources.InvalidateResultCache;

/// <summary>Drops every cached <c>runQuery</c> result of a source, for when its data changed.</summary>
[RequiresRole(Role.Admin)]
public sealed record InvalidateResultCacheCommand(DataSourceId Id) : ICommand<DataSourceId>;

public sealed class InvalidateResultCacheCommandHandler(IDataSourceCatalog catalog, IQueryResultCache cache)
    : ICommandHandler<InvalidateResultCacheCommand, DataSourceId>
{
    public async ValueTask<DataSourceId> Handle(InvalidateResultCacheCommand command, CancellationToken cancellationToken)
    {
        _ = await catalog.GetAsync(command.Id, cancellationToken);
        await cache.InvalidateAsync(command.Id, cancellationToken);
        return command.Id;
    }
}
