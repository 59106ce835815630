using DuckDB.NET.Data;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.DuckDb;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.DuckDb;

/// <summary>A small DuckDB file in a temp directory, and a runner that opens it the way the server does.</summary>
public sealed class DuckDbTestDatabase : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("kurobe-duckdb-").FullName;
    private readonly DuckDbConnectionFactory _connections = new(Options.Create(new DuckDbOptions { Threads = 2 }));

    public DuckDbTestDatabase()
    {
        Path = System.IO.Path.Combine(_directory, "test.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE numbers AS SELECT range AS n, 'row ' || range AS label FROM range(10000);
                CREATE TABLE secret_file_path(p VARCHAR);
                """;
            command.ExecuteNonQuery();
        }

        File.WriteAllText(System.IO.Path.Combine(_directory, "outside.csv"), "a,b\n1,2\n");
        var name = DataSourceName.Create("test");
        Source = new DataSource(TenantId.Default, DataSourceId.ForConfiguredSource(name), name, new DuckDbConnection(Path), DataSourceOrigin.Configuration, DateTimeOffset.UtcNow, isDefault: true);
        Runner = new DuckDbConnector(_connections, Options.Create(new StorageOptions { DataDirectory = _directory }), NullLogger<DuckDbConnector>.Instance);
    }

    public string Path { get; }

    public string Directory => _directory;

    public DataSource Source { get; }

    internal DuckDbConnector Runner { get; }

    public DataSource Missing()
    {
        var name = DataSourceName.Create("missing");
        var path = System.IO.Path.Combine(_directory, $"missing-{Guid.NewGuid():N}.duckdb");
        return new DataSource(TenantId.Default, DataSourceId.ForConfiguredSource(name), name, new DuckDbConnection(path), DataSourceOrigin.Configuration, DateTimeOffset.UtcNow);
    }

    public void Dispose()
    {
        _connections.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
