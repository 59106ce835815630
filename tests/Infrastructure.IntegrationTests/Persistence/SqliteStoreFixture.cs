using Kurobe.Infrastructure.Persistence;
using Kurobe.Infrastructure.Storage;
using Microsoft.Data.Sqlite;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

/// <summary>An embedded store in a temp directory; the data directory itself does not exist until the migrator makes it.</summary>
public sealed class SqliteStoreFixture : MetadataStoreFixture
{
    private readonly string _root = Directory.CreateTempSubdirectory("kurobe-store-").FullName;

    public string DataDirectory => Path.Combine(_root, "data");

    public string DatabasePath => Path.Combine(DataDirectory, MetadataStoreOptions.SqliteFileName);

    internal override MetadataStoreProvider Provider => MetadataStoreProvider.Sqlite;

    protected override Task<Dictionary<string, string?>?> CreateStoreAsync() =>
        Task.FromResult<Dictionary<string, string?>?>(new()
        {
            [$"{StorageOptions.SectionName}:DataDirectory"] = DataDirectory,
        });

    protected override Task DropStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    protected override Exception Unavailable() => new InvalidOperationException("The SQLite store was not created.");
}
