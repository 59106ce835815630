using System.Collections.Concurrent;
using System.Globalization;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Execution;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Asking.KnownValues;

/// <summary>
/// The distinct values of each categorical dimension of a source's model, so engines can match "Germany" or "sports"
/// to the values the data holds. Read through the normal gate and executor with a dimension-only semantic query,
/// kept per source revision and model version, and read again lazily after <see cref="AskOptions.KnownValuesTtlMinutes"/>.
/// A failure costs only the values: the question is still asked, without them.
/// </summary>
public sealed partial class KnownValuesProfiler(
    IServiceScopeFactory scopes,
    IEnumerable<ISemanticQueryCompiler> compilers,
    IOptions<AskOptions> options,
    TimeProvider timeProvider,
    ILogger<KnownValuesProfiler> logger)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None = new Dictionary<string, IReadOnlyList<string>>();

    private readonly ConcurrentDictionary<Key, Lazy<Task<Profile>>> _entries = new();

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAsync(
        DataSource source,
        SemanticModelDocument model,
        SqlDialect dialect,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        if (compilers.LastOrDefault() is not { } compiler)
        {
            // Until the semantic layer is composed there is nothing to compile the profiling queries with.
            return None;
        }

        var key = new Key(source.Id, source.Revision, model.Model.Name, model.Version);
        var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<Profile>>(() => ReadAsync(compiler, source, model.Model, dialect)));
        var profile = await entry.Value.WaitAsync(cancellationToken);
        if (timeProvider.GetUtcNow() - profile.ReadAt > TimeSpan.FromMinutes(options.Value.KnownValuesTtlMinutes))
        {
            // The stale values still serve this question; the next one waits for fresh ones.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }

        return profile.Values;
    }

    /// <summary>Forgets the values of a source, for example after its data changed.</summary>
    public void Forget(DataSourceId id)
    {
        foreach (var key in _entries.Keys.Where(k => k.Source == id))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private async Task<Profile> ReadAsync(ISemanticQueryCompiler compiler, DataSource source, SemanticModel model, SqlDialect dialect)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        // Not tied to one caller's cancellation: the read is shared by everyone waiting for it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), timeProvider);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var executor = scope.ServiceProvider.GetRequiredService<SqlExecutor>();
            foreach (var dimension in model.Dimensions.Where(d => d.Type == DimensionType.Categorical))
            {
                try
                {
                    values[dimension.Name] = await ReadDimensionAsync(compiler, executor, source, model, dimension, dialect, timeout.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogDimensionFailed(logger, dimension.Name, source.Name.Value, exception);
                }
            }
        }
        catch (Exception exception)
        {
            LogProfileFailed(logger, source.Name.Value, exception);
            return new Profile(values.Count == 0 ? None : values, timeProvider.GetUtcNow());
        }

        return new Profile(values, timeProvider.GetUtcNow());
    }

    private async Task<IReadOnlyList<string>> ReadDimensionAsync(
        ISemanticQueryCompiler compiler,
        SqlExecutor executor,
        DataSource source,
        SemanticModel model,
        SemanticDimension dimension,
        SqlDialect dialect,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.KnownValuesLimit;
        var query = new SemanticQuery([], [new DimensionRef(dimension.Name)], [], [new SemanticOrder(dimension.Name, Descending: false)], limit);
        var compiled = compiler.Compile(model, query, dialect);
        var prepared = await executor.PrepareAsync(new ProfileSql(source.Id, compiled.Sql, limit), cancellationToken);
        await using var execution = await executor.StartAsync(prepared, QueryMode.Run, cancellationToken);
        var result = new List<string>();
        while (result.Count < limit)
        {
            var batch = await execution.ReadAsync(limit - result.Count);
            for (var i = 0; i < batch.RowCount; i++)
            {
                if (Convert.ToString(batch.Row(i)[0], CultureInfo.InvariantCulture) is { Length: > 0 } value)
                {
                    result.Add(value);
                }
            }

            if (batch.IsLast)
            {
                break;
            }
        }

        return result;
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Could not profile the values of dimension {Dimension} of data source {DataSourceName}; questions go on without them")]
    private static partial void LogDimensionFailed(ILogger logger, string dimension, string dataSourceName, Exception exception);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Could not profile the known values of data source {DataSourceName}; questions go on without them")]
    private static partial void LogProfileFailed(ILogger logger, string dataSourceName, Exception exception);

    private sealed record Key(DataSourceId Source, int Revision, string Model, int Version);

    private sealed record Profile(IReadOnlyDictionary<string, IReadOnlyList<string>> Values, DateTimeOffset ReadAt);

    private sealed record ProfileSql(DataSourceId? DataSourceId, string Sql, int? MaxRows) : ISqlRequest
    {
        public int? TimeoutSeconds => null;
    }
}
