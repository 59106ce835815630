using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Trino;

/// <summary>
/// Trino coordinators over the client REST protocol. Each source (and revision) gets its own pooled
/// <see cref="HttpClient"/>; the engine's own time limit is set per query through <c>X-Trino-Session</c>.
/// </summary>
internal sealed partial class TrinoConnector(
    ISecretProtector secrets,
    IOptions<TrinoOptions> options,
    TimeProvider timeProvider,
    ILogger<TrinoConnector> logger) : IDataSourceConnector, IDisposable
{
    // Trino's own limit fires a little after Kurobe's budget, so Kurobe's cancellation reports the timeout.
    private static readonly TimeSpan EngineLimitMargin = TimeSpan.FromSeconds(5);

    // Backstops for Kurobe's own queries; the caller's token is their real budget.
    private static readonly TimeSpan SchemaTimeLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PingTimeLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<DataSourceId, Pool> _pools = new();
    private readonly Lock _poolLock = new();

    public DataSourceKind Kind => DataSourceKind.Trino;

    public async Task<IQueryCursor> OpenAsync(DataSource source, string sql, EngineLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var statement = await StartAsync(source, sql, limits.Timeout, cancellationToken);
        return new TrinoQueryCursor(statement);
    }

    /// <summary>
    /// Reads the tables and columns of the connection's catalog from its <c>information_schema</c> (only the
    /// connection's schema when it names one). A connection without a catalog has no schema to read: the result is
    /// empty. Schemas are reported as <c>catalog.schema</c>; Trino keeps no row estimates there.
    /// </summary>
    public async Task<DatabaseSchema> ReadSchemaAsync(DataSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var connection = (TrinoConnection)source.Connection;
        if (connection.Catalog is null)
        {
            return new DatabaseSchema([]);
        }

        var tables = await ReadAllAsync(source, TrinoSchemaQueries.Tables(connection.Catalog, connection.Schema), SchemaTimeLimit, cancellationToken);
        var columns = await ReadAllAsync(source, TrinoSchemaQueries.Columns(connection.Catalog, connection.Schema), SchemaTimeLimit, cancellationToken);
        return TrinoSchemaQueries.Build(connection.Catalog, tables, columns);
    }

    public async Task<string?> PingAsync(DataSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await ReadAllAsync(source, "SELECT 1", PingTimeLimit, cancellationToken);
        return await ReadVersionAsync(source, cancellationToken);
    }

    public async ValueTask ReleaseAsync(DataSourceId id)
    {
        if (_pools.TryRemove(id, out var pool))
        {
            pool.Http.Dispose();
        }

        await Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var id in _pools.Keys)
        {
            if (_pools.TryRemove(id, out var pool))
            {
                pool.Http.Dispose();
            }
        }
    }

    private async Task<TrinoStatement> StartAsync(DataSource source, string sql, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        var connection = (TrinoConnection)source.Connection;
        var client = Client(source, connection);

        // Only Kurobe's own values become headers: nothing from the SQL or a tenant's input.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Trino-Session"] = $"query_max_execution_time={DurationText(timeLimit + EngineLimitMargin)}",
        };
        if (connection.Catalog is not null)
        {
            headers["X-Trino-Catalog"] = connection.Catalog;
        }

        if (connection.Schema is not null)
        {
            headers["X-Trino-Schema"] = connection.Schema;
        }

        return await TrinoStatement.StartAsync(client, sql, headers, timeLimit, cancellationToken);
    }

    private async Task<List<object?[]>> ReadAllAsync(DataSource source, string sql, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        await using var statement = await StartAsync(source, sql, timeLimit, cancellationToken);
        var columnCount = statement.Columns!.Count;
        var rows = new List<object?[]>();
        const int batch = 1_000;
        var values = new object?[batch * columnCount];
        int read;
        do
        {
            read = await statement.ReadAsync(values, batch, cancellationToken);
            for (var i = 0; i < read; i++)
            {
                rows.Add(values.AsSpan(i * columnCount, columnCount).ToArray());
            }
        }
        while (read == batch);

        return rows;
    }

    private async Task<string?> ReadVersionAsync(DataSource source, CancellationToken cancellationToken)
    {
        var client = Client(source, (TrinoConnection)source.Connection);
        try
        {
            using var response = await client.GetAsync(client.InfoUri, isQueryPage: false, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return document.RootElement.TryGetProperty("nodeVersion", out var node)
                   && node.TryGetProperty("version", out var version)
                   && version.ValueKind == JsonValueKind.String
                ? $"Trino {version.GetString()}"
                : "Trino";
        }
        catch (Exception exception) when (exception is DataSourceUnavailableException or JsonException or HttpRequestException)
        {
            // The query ran, so the source is reachable; only the version is unknown.
            LogVersionUnknown(logger, source.Name.Value, exception);
            return null;
        }
    }

    private TrinoClient Client(DataSource source, TrinoConnection connection)
    {
        var pool = _pools.TryGetValue(source.Id, out var existing) && existing.Revision >= source.Revision ? existing : NewPool(source);
        return new TrinoClient(
            pool.Http,
            BaseUri(connection.Endpoint),
            source.Name.Value,
            connection.User,
            Authorization(source, connection),
            options.Value,
            timeProvider,
            logger);
    }

    private Pool NewPool(DataSource source)
    {
        lock (_poolLock)
        {
            if (_pools.TryGetValue(source.Id, out var existing))
            {
                if (existing.Revision >= source.Revision)
                {
                    return existing;
                }

                // The source changed: its old connections (host, credentials) must not be reused.
                existing.Http.Dispose();
            }

            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                ConnectTimeout = options.Value.RequestTimeout,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false,
            };
            var pool = new Pool(source.Revision, new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
            _pools[source.Id] = pool;
            return pool;
        }
    }

    private AuthenticationHeaderValue? Authorization(DataSource source, TrinoConnection connection)
    {
        if (connection.Authentication == TrinoAuthentication.None)
        {
            return null;
        }

        if (source.Secret is null)
        {
            throw new DataSourceUnavailableException($"The Trino data source '{source.Name}' needs a secret for {connection.Authentication} authentication.");
        }

        string secret;
        try
        {
            secret = secrets.Unprotect(source.Secret);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new DataSourceUnavailableException($"The secret of the Trino data source '{source.Name}' cannot be read; set it again.", exception);
        }

        return connection.Authentication == TrinoAuthentication.Basic
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.User}:{secret}")))
            : new AuthenticationHeaderValue("Bearer", secret);
    }

    private static Uri BaseUri(Uri endpoint) =>
        endpoint.AbsolutePath.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");

    /// <summary>Trino's duration syntax, in whole seconds rounded up: <c>35s</c>.</summary>
    internal static string DurationText(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Ceiling(Math.Max(1, duration.TotalSeconds))}s");

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Trino data source {DataSourceName} did not report its version")]
    private static partial void LogVersionUnknown(ILogger logger, string dataSourceName, Exception exception);

    private sealed record Pool(int Revision, HttpClient Http);
}
