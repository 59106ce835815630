using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.IntegrationTests.Services;
using Kurobe.Infrastructure.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kurobe.Infrastructure.IntegrationTests.Postgres;

/// <summary>
/// A fresh database on the test server with data of many types, and a SELECT-only role the connector logs in as.
/// Dropped (with its role) when the test class ends.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly List<PostgresConnector> _connectors = [];
    private readonly DataSourceId _readerId = new(Guid.NewGuid());
    private readonly DataSourceId _superuserId = new(Guid.NewGuid());
    private string? _adminConnectionString;

    public string DatabaseName => $"kurobe_test_{_suffix}";

    public string ReaderRole => $"kurobe_reader_{_suffix}";

    public string ReaderPassword { get; } = "pw-" + Guid.NewGuid().ToString("N");

    internal ReversingSecretProtector Secrets { get; } = new();

    /// <summary>The reader role's source; skips the test when no PostgreSQL is configured.</summary>
    public DataSource Source => ReaderSource(ReaderPassword, id: _readerId);

    public async ValueTask InitializeAsync()
    {
        var admin = Environment.GetEnvironmentVariable("KUROBE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            return;
        }

        _adminConnectionString = admin;
        await ExecuteAsync(admin, $"CREATE DATABASE {DatabaseName}");
        await ExecuteAsync(admin, $"CREATE ROLE {ReaderRole} LOGIN PASSWORD '{ReaderPassword}'");
        await ExecuteAsync(AdminConnectionString(), $$"""
            CREATE SCHEMA data;
            COMMENT ON SCHEMA data IS 'Test data';
            CREATE TYPE data.mood AS ENUM ('happy', 'sad');
            CREATE TYPE data.pair AS (n integer, s text);
            CREATE DOMAIN data.positive_int AS integer CHECK (VALUE > 0);
            CREATE SEQUENCE data.ids;
            CREATE TABLE data.numbers (n integer NOT NULL, label text);
            COMMENT ON TABLE data.numbers IS 'Ten thousand numbers';
            COMMENT ON COLUMN data.numbers.n IS 'The number';
            INSERT INTO data.numbers SELECT i, 'row ' || i FROM generate_series(0, 9999) i;
            ANALYZE data.numbers;
            CREATE TABLE data.everything (
                id integer NOT NULL, price numeric(10,2), at_tz timestamp with time zone, tags text[], feeling data.mood,
                positive data.positive_int, doc jsonb);
            COMMENT ON COLUMN data.everything.price IS 'Unit price';
            INSERT INTO data.everything VALUES (1, 12.50, '2024-02-29 13:14:15+02', '{a,b}', 'happy', 5, '{"a": 1}');
            CREATE VIEW data.big_numbers AS SELECT n FROM data.numbers WHERE n > 9000;
            COMMENT ON VIEW data.big_numbers IS 'Numbers over 9000';
            CREATE MATERIALIZED VIEW data.number_stats AS SELECT count(*) AS how_many FROM data.numbers;
            CREATE TABLE data.secrets (password text);
            CREATE FUNCTION data.wipe() RETURNS integer LANGUAGE plpgsql AS 'BEGIN DELETE FROM data.numbers; RETURN 0; END';
            REVOKE ALL ON DATABASE {{DatabaseName}} FROM PUBLIC;
            GRANT CONNECT ON DATABASE {{DatabaseName}} TO {{ReaderRole}};
            GRANT USAGE ON SCHEMA data TO {{ReaderRole}};
            GRANT SELECT ON data.numbers, data.everything, data.big_numbers, data.number_stats TO {{ReaderRole}};
            GRANT USAGE ON SEQUENCE data.ids TO {{ReaderRole}};
            """);
    }

    public string AdminConnectionString(string? database = null) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString ?? TestServices.PostgresConnectionString)
        {
            Database = database ?? DatabaseName,
            Pooling = false,
        }.ConnectionString;

    public DataSource ReaderSource(string password, int port = 0, int revision = 1, DataSourceId? id = null) =>
        SourceFor(ReaderRole, password, port, revision, id);

    /// <summary>The server's superuser: only the read-only transaction stands between it and the data.</summary>
    public DataSource SuperuserSource()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString);
        return SourceFor(admin.Username!, admin.Password!, 0, 1, _superuserId);
    }

    private DataSource SourceFor(string username, string password, int port, int revision, DataSourceId? id)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString);
        var connection = new PostgresConnection(admin.Host!, port == 0 ? admin.Port : port, DatabaseName, username, PostgresSslMode.Disable);
        var name = DataSourceName.Create("pg-" + username.Replace('_', '-'));
        return DataSource.Restore(TenantId.Default,
            id ?? new DataSourceId(Guid.NewGuid()),
            name,
            connection,
            Secrets.Protect(password),
            DataSourceLimits.ServerDefaults,
            DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow,
            revision);
    }

    internal PostgresConnector CreateConnector(int maxPoolSize = 5, int marginSeconds = 2, int idleCursorTimeoutSeconds = 300)
    {
        var options = Options.Create(new PostgresOptions
        {
            MaxPoolSize = maxPoolSize,
            ConnectTimeoutSeconds = 15,
            CommandTimeoutMarginSeconds = marginSeconds,
            IdleCursorTimeoutSeconds = idleCursorTimeoutSeconds,
        });
        var connector = new PostgresConnector(Secrets, options, TimeProvider.System, NullLoggerFactory.Instance, NullLogger<PostgresConnector>.Instance);
        _connectors.Add(connector);
        return connector;
    }

    public static async Task<List<object?[]>> ReadAllAsync(IQueryCursor cursor, int batchSize = 1_000)
    {
        var rows = new List<object?[]>();
        RowBatch batch;
        do
        {
            batch = await cursor.ReadAsync(batchSize, TestContext.Current.CancellationToken);
            for (var i = 0; i < batch.RowCount; i++)
            {
                rows.Add(batch.Row(i).ToArray());
            }
        }
        while (!batch.IsLast);

        return rows;
    }

    internal static async Task<object?[]> SingleRowAsync(PostgresConnector connector, DataSource source, string sql, EngineLimits limits)
    {
        await using var cursor = await connector.OpenAsync(source, sql, limits, TestContext.Current.CancellationToken);
        return (await ReadAllAsync(cursor)).Single();
    }

    /// <summary>
    /// The reader's backends in this database that are running a statement or holding a transaction open. Tests in a
    /// class run one at a time, so these belong to the test that asks.
    /// </summary>
    public async Task<long> BusyBackendsAsync() => await BackendsAsync("state <> 'idle'");

    /// <summary>The reader's backends in this database that are running a statement right now.</summary>
    public async Task<long> RunningBackendsAsync() => await BackendsAsync("state = 'active'");

    private async Task<long> BackendsAsync(string condition)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = $1 AND usename = $2 AND application_name = 'kurobe' AND {condition}
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = DatabaseName });
        command.Parameters.Add(new NpgsqlParameter { Value = ReaderRole });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> AdvisoryLocksHeldAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = pid });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<bool> BackendExistsAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = pid });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for up to <paramref name="seconds"/>; a loaded machine may be slow.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    public async Task ExecuteAdminAsync(string sql) => await ExecuteAsync(AdminConnectionString(), sql);

    public async ValueTask DisposeAsync()
    {
        foreach (var connector in _connectors)
        {
            await connector.DisposeAsync();
        }

        if (_adminConnectionString is null)
        {
            return;
        }

        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
        await ExecuteAsync(_adminConnectionString, $"DROP ROLE IF EXISTS {ReaderRole}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
