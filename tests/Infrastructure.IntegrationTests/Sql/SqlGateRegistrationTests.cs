using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.Sql;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Infrastructure.IntegrationTests.Sql;

public sealed class SqlGateRegistrationTests
{
    [Fact]
    public async Task Registers_one_singleton_gate_per_engine_kind()
    {
        await using var provider = new ServiceCollection().AddKurobeSqlGates().BuildServiceProvider();

        var gates = provider.GetServices<ISqlStatementGate>().ToList();

        gates.Select(g => g.Kind).Order().ShouldBe(Enum.GetValues<DataSourceKind>());
        provider.GetServices<ISqlStatementGate>().ShouldBe(gates);
        foreach (var gate in gates)
        {
            (await gate.CheckAsync("select 1;", TestContext.Current.CancellationToken)).Sql.ShouldBe("select 1");
            await Should.ThrowAsync<SqlNotAllowedException>(async () => await gate.CheckAsync("select 1; select 2", TestContext.Current.CancellationToken));
        }
    }
}
