using Kurobe.Application.Semantic.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.IntegrationTests.Caching;
using Kurobe.Infrastructure.IntegrationTests.Demo;
using Kurobe.Infrastructure.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Semantic;

public sealed class FileSemanticModelCatalogTests : IDisposable
{
    private static readonly DataSourceName Shop = DataSourceName.Create("shop");

    private readonly TempDirectory _directory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Model(string name, string dataSource = "shop") => $$"""
        data_source: {{dataSource}}
        name: {{name}}
        entities:
          orders: { alias: o, primary_key: [order_id] }
        measures:
          order_count: { expression: "COUNT(o.order_id)" }
        """;

    private FileSemanticModelCatalog Catalog(int debounceMilliseconds = 50, ILogger<FileSemanticModelCatalog>? logger = null) => new(
        Options.Create(new SemanticOptions { Directory = _directory.FullPath, ReloadDebounceMilliseconds = debounceMilliseconds }),
        TimeProvider.System,
        logger ?? NullLogger<FileSemanticModelCatalog>.Instance);

    public void Dispose() => _directory.Dispose();

    private static async Task<SemanticModelDocument?> EventuallyAsync(FileSemanticModelCatalog catalog, Func<SemanticModelDocument?, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var document = await catalog.FindAsync(Shop, Token);
            if (condition(document) || DateTime.UtcNow > deadline)
            {
                return document;
            }

            await Task.Delay(50, Token);
        }
    }

    [Fact]
    public async Task Files_are_keyed_by_their_data_source()
    {
        await File.WriteAllTextAsync(_directory.Combine("a.yaml"), Model("first"), Token);
        await File.WriteAllTextAsync(_directory.Combine("b.yaml"), Model("other", "warehouse"), Token);
        await File.WriteAllTextAsync(_directory.Combine("notes.txt"), "not a model", Token);
        using var catalog = Catalog();

        var document = (await catalog.FindAsync(Shop, Token)).ShouldNotBeNull();
        (await catalog.FindAsync(DataSourceName.Create("warehouse"), Token))!.Model.Name.ShouldBe("other");
        (await catalog.FindAsync(DataSourceName.Create("nowhere"), Token)).ShouldBeNull();

        document.Model.Name.ShouldBe("first");
        document.Version.ShouldBe(1);
        document.Origin.ShouldBe(SemanticModelOrigin.Configuration);
        document.Yaml.ShouldBe(Model("first"));
        document.UpdatedAt.ShouldBe(new DateTimeOffset(File.GetLastWriteTimeUtc(_directory.Combine("a.yaml")), TimeSpan.Zero));
    }

    [Fact]
    public async Task An_edit_is_picked_up_and_an_invalid_edit_keeps_the_last_good_version()
    {
        var path = _directory.Combine("shop.yaml");
        await File.WriteAllTextAsync(path, Model("v1"), Token);
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var catalog = Catalog(logger: factory.CreateLogger<FileSemanticModelCatalog>());
        await catalog.StartAsync(Token);
        (await catalog.FindAsync(Shop, Token))!.Model.Name.ShouldBe("v1");

        await File.WriteAllTextAsync(path, Model("v2"), Token);
        (await EventuallyAsync(catalog, d => d?.Model.Name == "v2"))!.Model.Name.ShouldBe("v2");

        await File.WriteAllTextAsync(path, Model("v3").Replace("COUNT(o.order_id)", "COUNT(x.order_id)", StringComparison.Ordinal), Token);
        await EventuallyAsync(catalog, _ => logs.Records.Any(e => e.Level == LogLevel.Error));
        logs.Records.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains("measures.order_count.expression", StringComparison.Ordinal));
        (await catalog.FindAsync(Shop, Token))!.Model.Name.ShouldBe("v2");

        File.Delete(path);
        (await EventuallyAsync(catalog, d => d is null)).ShouldBeNull();
        await catalog.StopAsync(Token);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_and_a_second_file_for_the_same_source_is_ignored()
    {
        await File.WriteAllTextAsync(_directory.Combine("a.yaml"), Model("first"), Token);
        await File.WriteAllTextAsync(_directory.Combine("b.yaml"), Model("second"), Token);
        await File.WriteAllTextAsync(_directory.Combine("c.yaml"), "data_source: broken\nname: [", Token);
        using var catalog = Catalog();

        (await catalog.FindAsync(Shop, Token))!.Model.Name.ShouldBe("first");
        (await catalog.FindAsync(DataSourceName.Create("broken"), Token)).ShouldBeNull();
    }

    [Fact]
    public async Task A_missing_directory_means_no_models()
    {
        using var catalog = new FileSemanticModelCatalog(
            Options.Create(new SemanticOptions { Directory = _directory.Combine("absent") }), TimeProvider.System, NullLogger<FileSemanticModelCatalog>.Instance);

        (await catalog.FindAsync(Shop, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task The_registered_catalog_reads_the_shipped_models_beside_the_binaries()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["KUROBE_CONFIG_DIR"] = Path.Combine(AppContext.BaseDirectory, "config") })
            .Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKurobeSemanticLayer(configuration);
        await using var provider = services.BuildServiceProvider();

        var document = await provider.GetRequiredService<ISemanticModelCatalog>().FindAsync(DataSourceName.Create("demo"), Token);

        document.ShouldNotBeNull().Model.Name.ShouldBe("retail");
        provider.GetRequiredService<ISemanticQueryCompiler>().ShouldNotBeNull();
    }
}
