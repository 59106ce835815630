using System.Security.Cryptography;
using Kurobe.Infrastructure.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Demo;

/// <summary>One scale-1 demo database, built once and shared by every test in <see cref="SharedDemoDatabase"/>.</summary>
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private DemoDatabaseReader? _database;

    public string DatabasePath => _directory.Combine("demo.duckdb");

    public string FileSha256 { get; private set; } = string.Empty;

    public DemoDatabaseReader Database => _database ?? throw new InvalidOperationException("The demo database has not been built yet.");

    public async ValueTask InitializeAsync()
    {
        await new DemoDatabaseBuilder(NullLogger<DemoDatabaseBuilder>.Instance)
            .BuildAsync(DatabasePath, scale: 1, TestContext.Current.CancellationToken);
        FileSha256 = await HashFileAsync(DatabasePath);
        _database = DemoDatabaseReader.Open(DatabasePath);
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    public static async Task<string> HashFileAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, TestContext.Current.CancellationToken));
    }
}

[CollectionDefinition(Name)]
public sealed class SharedDemoDatabase : ICollectionFixture<DemoDatabaseFixture>
{
    public const string Name = "Demo database (scale 1)";
}
