using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.DataSources.TestDataSourceConnection;

/// <summary>Connects to a source now and reports how that went; a failure is an answer, not an error.</summary>
[RequiresRole(Role.Admin)]
public sealed record TestDataSourceConnectionCommand(DataSourceId Id) : ICommand<DataSourceStatus>;

public sealed class TestDataSourceConnectionCommandHandler(IDataSourceCatalog catalog, DataSourceProbe probe)
    : ICommandHandler<TestDataSourceConnectionCommand, DataSourceStatus>
{
    public async ValueTask<DataSourceStatus> Handle(TestDataSourceConnectionCommand command, CancellationToken cancellationToken)
    {
        var source = await catalog.GetAsync(command.Id, cancellationToken);
        return await probe.CheckAsync(source, cancellationToken);
    }
}
