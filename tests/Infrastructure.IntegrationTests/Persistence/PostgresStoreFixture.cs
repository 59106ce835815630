using Kurobe.Infrastructure.IntegrationTests.Services;
using Kurobe.Infrastructure.Persistence;
using Npgsql;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

/// <summary>A fresh database on the test PostgreSQL server, dropped (with any open connections) afterwards.</summary>
public sealed class PostgresStoreFixture : MetadataStoreFixture
{
    private readonly string _database = $"kurobe_store_{Guid.NewGuid():N}";
    private string? _adminConnectionString;

    /// <summary>The store's own connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    internal override MetadataStoreProvider Provider => MetadataStoreProvider.Postgres;

    protected override async Task<Dictionary<string, string?>?> CreateStoreAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable("KUROBE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            return null;
        }

        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ConnectionString;
        return new() { [$"ConnectionStrings:{MetadataStoreOptions.ConnectionStringName}"] = ConnectionString };
    }

    protected override async Task DropStoreAsync()
    {
        if (_adminConnectionString is not null)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
    }

    protected override Exception Unavailable()
    {
        _ = TestServices.PostgresConnectionString;
        return new InvalidOperationException("The PostgreSQL store was not created.");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
