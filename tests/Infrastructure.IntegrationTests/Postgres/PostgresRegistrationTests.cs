using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Postgres;

public sealed class PostgresRegistrationTests
{
    [Fact]
    public void Registers_the_connector_with_its_options()
    {
        using var services = Services(new() { ["Kurobe:Postgres:MaxPoolSize"] = "7" });

        services.GetServices<IDataSourceConnector>().ShouldContain(c => c.Kind == DataSourceKind.Postgres);
        services.GetRequiredService<IOptions<PostgresOptions>>().Value.ShouldSatisfyAllConditions(
            o => o.MaxPoolSize.ShouldBe(7),
            o => o.ConnectTimeoutSeconds.ShouldBe(5),
            o => o.CommandTimeoutMarginSeconds.ShouldBe(2));
    }

    [Fact]
    public void Rejects_settings_out_of_range()
    {
        using var services = Services(new() { ["Kurobe:Postgres:MaxPoolSize"] = "0" });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgresOptions>>().Value);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddSingleton<ISecretProtector, ReversingSecretProtector>()
            .AddKurobePostgres()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
