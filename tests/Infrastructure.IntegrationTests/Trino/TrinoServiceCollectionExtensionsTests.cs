using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.Trino;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Trino;

public sealed class TrinoServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_the_connector_with_options_from_configuration()
    {
        using var services = Build(new() { ["Kurobe:Trino:MaxRetries"] = "3", ["Kurobe:Trino:RequestTimeout"] = "00:00:10" });

        services.GetServices<IDataSourceConnector>().ShouldContain(c => c.Kind == DataSourceKind.Trino);
        var options = services.GetRequiredService<IOptions<TrinoOptions>>().Value;
        options.MaxRetries.ShouldBe(3);
        options.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.ClientName.ShouldBe("kurobe");
    }

    [Theory]
    [InlineData("Kurobe:Trino:MaxRetries", "-1")]
    [InlineData("Kurobe:Trino:RequestTimeout", "00:00:00")]
    [InlineData("Kurobe:Trino:ClientName", "bad name\r\nX-Injected: 1")]
    public void Rejects_invalid_settings(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<TrinoOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<ISecretProtector, ReversingSecretProtector>()
            .AddKurobeTrino()
            .BuildServiceProvider();
    }
}
