using Kurobe.Application.Engines.Ports;
using Kurobe.Infrastructure.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Kurobe.Infrastructure.IntegrationTests.Plugins;

public sealed class PluginServiceCollectionExtensionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_composed_host_starts_without_a_plugin_directory_and_reports_engine_health()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kurobe:Plugins:Directory"] = Path.Combine(sandbox.Root, "absent"),
            ["KUROBE_CONFIG_DIR"] = Path.GetDirectoryName(sandbox.EnginesFile),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddKurobePlugins();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(Token);
        }

        var registry = provider.GetRequiredService<IEngineRegistry>();
        registry.Statuses.ShouldHaveSingleItem().State.ShouldBe(EngineState.NotConfigured);
        var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Token);
        health.Entries[PluginServiceCollectionExtensions.EnginesHealthCheckName].ShouldSatisfyAllConditions(
            e => e.Status.ShouldBe(HealthStatus.Degraded),
            e => e.Data["visualization/default"].ShouldBe(nameof(EngineState.NotConfigured)));

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StopAsync(Token);
        }
    }
}
