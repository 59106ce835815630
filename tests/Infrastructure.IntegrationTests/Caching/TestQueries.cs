using System.Text;
using Kurobe.Application.Querying.Caching;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

internal static class TestQueries
{
    public static DataSourceId NewSource() => new(Guid.NewGuid());

    public static readonly TenantId TenantA = new(Guid.Parse("0193a1f0-0000-7000-8000-00000000000a"));

    public static readonly TenantId TenantB = new(Guid.Parse("0193a1f0-0000-7000-8000-00000000000b"));

    public static QueryCacheKey Key(DataSourceId? source = null, string sql = "select n, label from numbers", TenantId? tenant = null, int revision = 1, long maxRows = 1_000) =>
        new(tenant ?? TenantA, source ?? NewSource(), revision, sql, maxRows);

    public static CachedQueryResult Result(string marker, int padBytes = 0) =>
        new(
            [new ResultColumn("n", "BIGINT", ValueKind.Integer), new ResultColumn("label", "VARCHAR", ValueKind.Text)],
            Encoding.UTF8.GetBytes($"[[1,\"{marker}{new string('x', padBytes)}\"]]"),
            RowCount: 1,
            Truncated: false,
            ExecutedAt: new DateTimeOffset(2026, 11, 24, 12, 30, 15, TimeSpan.FromHours(9)));
}

/// <summary>A query that counts how often it runs.</summary>
internal sealed class CountingQuery(CachedQueryResult result, TimeSpan? delay = null)
{
    private int _runs;

    public CountingQuery(string marker)
        : this(TestQueries.Result(marker))
    {
    }

    public int Runs => Volatile.Read(ref _runs);

    public async ValueTask<CachedQueryResult> RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        if (delay is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }

        return result;
    }
}
