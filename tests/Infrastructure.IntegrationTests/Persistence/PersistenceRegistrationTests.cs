using Kurobe.Application.DataSources.Ports;
using Kurobe.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

public sealed class PersistenceRegistrationTests
{
    [Fact]
    public void The_migrator_starts_before_hosted_services_registered_earlier()
    {
        var services = new ServiceCollection();
        services.AddHostedService<OtherHostedService>();
        services.AddKurobeMetadataStore(new ConfigurationBuilder().Build());

        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        hosted.Count.ShouldBe(2);
        hosted[1].ImplementationType.ShouldBe(typeof(OtherHostedService));
    }

    [Theory]
    [InlineData(null, typeof(SqliteKurobeDbContext))]
    [InlineData("Host=db.internal;Database=kurobe;Username=kurobe;Password=not-logged", typeof(PostgresKurobeDbContext))]
    public void The_connection_string_selects_the_provider(string? connectionString, Type contextType)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Kurobe"] = connectionString })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddKurobeMetadataStore(configuration);

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<KurobeDbContext>().ShouldBeOfType(contextType);
        scope.ServiceProvider.GetRequiredService<IDataSourceStore>().ShouldNotBeNull();
        provider.GetRequiredService<MetadataStoreConnection>().Location.ShouldNotContain("not-logged");
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("Database=kurobe")]
    public void A_connection_string_that_is_not_postgresql_fails_validation(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Kurobe"] = connectionString })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddKurobeMetadataStore(configuration).BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MetadataStoreOptions>>().Value);
        failure.Message.ShouldContain("ConnectionStrings:Kurobe");
        failure.Message.ShouldNotContain(connectionString);
    }

    private sealed class OtherHostedService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
