using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>
/// PostgreSQL databases, reached through one Npgsql pool per source and revision. Every query runs in its own
/// read-only transaction, read through a server-side cursor with the server's <c>statement_timeout</c> set just past
/// the query's budget, and is always rolled back; see <see cref="PostgresQueryCursor"/>. The connecting role should still be SELECT-only
/// (docs/postgres.md): a read-only transaction does not stop functions with side effects outside the database.
/// </summary>
internal sealed partial class PostgresConnector(
    ISecretProtector secrets,
    IOptions<PostgresOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger<PostgresConnector> logger) : IDataSourceConnector, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<DataSourceId, Pool> _pools = new();
    private readonly Lock _poolsLock = new();

    public DataSourceKind Kind => DataSourceKind.Postgres;

    public async Task<IQueryCursor> OpenAsync(DataSource source, string sql, EngineLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var margin = TimeSpan.FromSeconds(options.Value.CommandTimeoutMarginSeconds);
        var statementTimeout = limits.Timeout + margin;
        // The client's own timeout only catches a server that stopped answering; the server's limit fires first.
        var clientTimeout = (int)Math.Ceiling((statementTimeout + margin).TotalSeconds) + 1;
        var idleTimeout = TimeSpan.FromSeconds(Math.Max(options.Value.IdleCursorTimeoutSeconds, statementTimeout.TotalSeconds));
        var query = new PostgresQuery(source.Name.Value, limits, statementTimeout, idleTimeout, clientTimeout, time);
        var dataSource = PoolFor(source);
        try
        {
            return await PostgresQueryCursor.OpenAsync(dataSource, sql, query, cancellationToken);
        }
        catch (DataSourceUnavailableException exception)
        {
            LogUnavailable(logger, source.Name.Value, exception.InnerException);
            throw;
        }
    }

    public async Task<DatabaseSchema> ReadSchemaAsync(DataSource source, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await PoolFor(source).OpenConnectionAsync(cancellationToken);
            return await PostgresSchemaReader.ReadAsync(connection, cancellationToken);
        }
        catch (Exception exception) when (PostgresErrors.IsTranslatable(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw Translated(source, exception);
        }
    }

    public async Task<string?> PingAsync(DataSource source, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await PoolFor(source).OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT version()", connection);
            var version = await command.ExecuteScalarAsync(cancellationToken) as string;
            return ShortVersion(version);
        }
        catch (Exception exception) when (PostgresErrors.IsTranslatable(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw Translated(source, exception);
        }
    }

    public async ValueTask ReleaseAsync(DataSourceId id)
    {
        if (_pools.TryRemove(id, out var pool))
        {
            await pool.DataSource.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _pools.Keys)
        {
            await ReleaseAsync(id);
        }
    }

    public void Dispose()
    {
        foreach (var id in _pools.Keys)
        {
            if (_pools.TryRemove(id, out var pool))
            {
                pool.DataSource.Dispose();
            }
        }
    }

    /// <summary>"PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, ..." becomes "PostgreSQL 15.18".</summary>
    internal static string? ShortVersion(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return null;
        }

        var words = version.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 ? $"{words[0]} {words[1]}" : version;
    }

    private Exception Translated(DataSource source, Exception exception)
    {
        var translated = PostgresErrors.Translate(exception, source.Name.Value);
        if (translated is DataSourceUnavailableException)
        {
            LogUnavailable(logger, source.Name.Value, exception);
        }

        return translated;
    }

    /// <summary>The source's pool, built on first use and rebuilt when the source's revision moves on.</summary>
    private NpgsqlDataSource PoolFor(DataSource source)
    {
        if (source.Connection is not PostgresConnection connection)
        {
            throw new ArgumentException($"The data source '{source.Name}' is not a PostgreSQL database.", nameof(source));
        }

        if (_pools.TryGetValue(source.Id, out var pool) && pool.Revision >= source.Revision)
        {
            return pool.DataSource;
        }

        Pool? stale = null;
        lock (_poolsLock)
        {
            if (_pools.TryGetValue(source.Id, out pool) && pool.Revision >= source.Revision)
            {
                return pool.DataSource;
            }

            stale = pool;
            pool = new Pool(source.Revision, Build(source, connection));
            _pools[source.Id] = pool;
        }

        if (stale is not null)
        {
            LogPoolReplaced(logger, source.Name.Value, source.Revision);
            // Connections still in use by running queries close when they come back.
            _ = stale.DataSource.DisposeAsync().AsTask();
        }

        return pool.DataSource;
    }

    private NpgsqlDataSource Build(DataSource source, PostgresConnection connection)
    {
        var settings = options.Value;
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = connection.Host,
            Port = connection.Port,
            Database = connection.Database,
            Username = connection.Username,
            Password = Password(source),
            SslMode = connection.SslMode switch
            {
                PostgresSslMode.Disable => SslMode.Disable,
                PostgresSslMode.Require => SslMode.Require,
                PostgresSslMode.VerifyFull => SslMode.VerifyFull,
                _ => SslMode.Prefer,
            },
            ApplicationName = "kurobe",
            MaxPoolSize = settings.MaxPoolSize,
            MinPoolSize = 0,
            Timeout = settings.ConnectTimeoutSeconds,
            Enlist = false,
            // Server error details and context can quote row values; only the message reaches callers and logs.
            IncludeErrorDetail = false,
            // Arrays with NULL elements read as arrays of nullable values instead of failing.
            ArrayNullabilityMode = ArrayNullabilityMode.Always,
        };

        var builder = new NpgsqlDataSourceBuilder(connectionString.ConnectionString);
        builder.UseLoggerFactory(loggerFactory);
        builder.EnableParameterLogging(false);
        return builder.Build();
    }

    private string? Password(DataSource source)
    {
        if (source.Secret is null)
        {
            return null;
        }

        try
        {
            return secrets.Unprotect(source.Secret);
        }
        catch (CryptographicException exception)
        {
            LogSecretUnreadable(logger, source.Name.Value, exception);
            throw new DataSourceUnavailableException(
                $"The stored password of data source '{source.Name}' cannot be read with this server's key; set it again.", exception);
        }
    }

    private sealed record Pool(int Revision, NpgsqlDataSource DataSource);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "PostgreSQL data source {DataSourceName} is unavailable")]
    private static partial void LogUnavailable(ILogger logger, string dataSourceName, Exception? exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "PostgreSQL data source {DataSourceName} changed; new connections use revision {Revision}")]
    private static partial void LogPoolReplaced(ILogger logger, string dataSourceName, int revision);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "The stored password of PostgreSQL data source {DataSourceName} cannot be decrypted")]
    private static partial void LogSecretUnreadable(ILogger logger, string dataSourceName, Exception exception);
}
