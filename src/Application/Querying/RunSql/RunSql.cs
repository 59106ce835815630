using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using FluentValidation;
using Kurobe.Application.Querying.Caching;
using Kurobe.Application.Querying.Encoding;
using Kurobe.Application.Querying.Execution;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Mediator;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Querying.RunSql;

/// <summary>
/// Runs SQL and returns the whole result, up to <see cref="MaxRows"/> rows and the result-size cap, from the result
/// cache when an identical query ran recently.
/// </summary>
/// <param name="CacheTtlSeconds">How long the result may be cached; 0 skips the cache. The source's default when null.</param>
[RequiresRole(Role.Analyst)]
public sealed record RunSqlQuery(DataSourceId? DataSourceId, string Sql, int? MaxRows, int? TimeoutSeconds, int? CacheTtlSeconds = null)
    : IQuery<QueryResult>, ISqlRequest;

public sealed class RunSqlQueryValidator : SqlRequestValidator<RunSqlQuery>
{
    public RunSqlQueryValidator(IOptions<QueryOptions> options, IOptions<ResultCacheOptions> cache)
        : base(options, options.Value.MaxRows, "; use queryStream for larger results")
    {
        RuleFor(q => q.CacheTtlSeconds)
            .InclusiveBetween(0, cache.Value.MaxTtlSeconds)
            .WithMessage($"cacheTtlSeconds must be between 0 (no caching) and {cache.Value.MaxTtlSeconds}.");
    }
}

public sealed class RunSqlQueryHandler(
    SqlExecutor executor,
    IQueryResultCache cache,
    IOptions<QueryOptions> options,
    IOptions<ResultCacheOptions> cacheOptions,
    TimeProvider timeProvider)
    : IQueryHandler<RunSqlQuery, QueryResult>
{
    public async ValueTask<QueryResult> Handle(RunSqlQuery query, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var prepared = await executor.PrepareAsync(query, cancellationToken);
        long maxRows = query.MaxRows ?? options.Value.DefaultMaxRows;
        var ttlSeconds = query.CacheTtlSeconds ?? prepared.Source.Limits.CacheTtlSeconds ?? cacheOptions.Value.DefaultTtlSeconds;

        CacheLookup lookup;
        if (ttlSeconds == 0)
        {
            lookup = new CacheLookup(await RunAsync(prepared, maxRows, cancellationToken), Hit: false);
        }
        else
        {
            var key = new QueryCacheKey(prepared.Source.TenantId, prepared.Source.Id, prepared.Source.Revision, prepared.Statement.NormalizedSql, maxRows);
            lookup = await cache.GetOrRunAsync(key, TimeSpan.FromSeconds(ttlSeconds), token => RunAsync(prepared, maxRows, token), cancellationToken);
        }

        var result = lookup.Result;
        return new QueryResult(
            prepared.Source.Id,
            result.Columns,
            new EncodedRows(result.RowsJson),
            result.RowCount,
            result.Truncated,
            timeProvider.GetElapsedTime(started).TotalMilliseconds,
            lookup.Hit,
            result.ExecutedAt);
    }

    private async ValueTask<CachedQueryResult> RunAsync(PreparedSql prepared, long maxRows, CancellationToken cancellationToken)
    {
        await using var execution = await executor.StartAsync(prepared, QueryMode.Run, cancellationToken);
        using var encoder = new RowsJsonEncoder(options.Value.MaxResultBytes);
        var truncated = false;
        while (true)
        {
            // Asking for one row past the limit tells a result that fits exactly from one that was cut short.
            var wanted = (int)Math.Min(options.Value.BatchRows, maxRows + 1 - encoder.RowCount);
            var batch = await execution.ReadAsync(wanted);
            if (encoder.RowCount + batch.RowCount > maxRows)
            {
                batch = batch.Take((int)(maxRows - encoder.RowCount));
                truncated = true;
            }

            encoder.Append(batch);
            truncated |= encoder.CapReached;
            if (truncated || batch.IsLast)
            {
                break;
            }
        }

        return new CachedQueryResult(execution.Columns, encoder.Finish().Json, encoder.RowCount, truncated, timeProvider.GetUtcNow());
    }
}
