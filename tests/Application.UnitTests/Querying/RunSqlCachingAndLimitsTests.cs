using System.Text.Json;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.RunSql;
using Kurobe.Application.UnitTests.Fakes;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.UnitTests.Querying;

public sealed class RunSqlCachingAndLimitsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeated_query_is_answered_from_the_cache_even_with_different_layout()
    {
        var connector = new FakeConnector(10);
        var setup = new Setup(connector);

        var first = await setup.RunSql().Handle(new RunSqlQuery(null, "select n from t", null, null), Token);
        var second = await setup.RunSql().Handle(new RunSqlQuery(null, "select   n\n from t", null, null), Token);

        first.CacheHit.ShouldBeFalse();
        second.CacheHit.ShouldBeTrue();
        second.Rows.Json.ToArray().ShouldBe(first.Rows.Json.ToArray());
        second.ExecutedAt.ShouldBe(first.ExecutedAt);
        connector.Statements.Count.ShouldBe(1, "the engine ran the query once");
    }

    [Fact]
    public async Task The_cache_key_separates_sources_revisions_and_row_caps()
    {
        var setup = new Setup(new FakeConnector(10));

        await setup.RunSql().Handle(new RunSqlQuery(null, "select n", 5, null), Token);
        await setup.RunSql().Handle(new RunSqlQuery(null, "select n", 6, null), Token);

        var keys = setup.Cache.Requests.Select(r => r.Key).ToList();
        keys[0].Value.ShouldNotBe(keys[1].Value);
        keys[0].Tenant.ShouldBe(TenantId.Default, "the cache key is the source's tenant's");
        keys[1].Tenant.ShouldBe(keys[0].Tenant);
        keys[0].SourceRevision.ShouldBe(1);
    }

    [Fact]
    public async Task A_time_to_live_of_zero_bypasses_the_cache()
    {
        var connector = new FakeConnector(3);
        var setup = new Setup(connector);

        var first = await setup.RunSql().Handle(new RunSqlQuery(null, "select n", null, null, CacheTtlSeconds: 0), Token);
        var second = await setup.RunSql().Handle(new RunSqlQuery(null, "select n", null, null, CacheTtlSeconds: 0), Token);

        setup.Cache.Requests.ShouldBeEmpty();
        first.CacheHit.ShouldBeFalse();
        second.CacheHit.ShouldBeFalse();
        connector.Statements.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Time_to_live_and_time_limit_come_from_the_request_then_the_source_then_the_server()
    {
        var source = FakeDataSources.DuckDb("tuned", limits: new DataSourceLimits(queryTimeoutSeconds: 12, cacheTtlSeconds: 60));
        var connector = new FakeConnector(1);
        var setup = new Setup(connector, new QueryOptions { DefaultTimeoutSeconds = 30 }, null, source);

        await setup.RunSql().Handle(new RunSqlQuery(source.Id, "select 1", null, null), Token);
        await setup.RunSql().Handle(new RunSqlQuery(source.Id, "select 2", null, TimeoutSeconds: 7, CacheTtlSeconds: 90), Token);

        setup.Cache.Requests.Select(r => r.TimeToLive).ShouldBe([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90)]);
        connector.Limits.Select(l => l.Timeout).ShouldBe([TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task Refused_sql_never_reaches_the_engine()
    {
        var connector = new FakeConnector(1);
        var setup = new Setup(connector);

        var error = await Should.ThrowAsync<SqlNotAllowedException>(
            () => setup.RunSql().Handle(new RunSqlQuery(null, "refuse this", null, null), Token).AsTask());

        error.Message.ShouldBe("Refused by the test gate.");
        connector.Statements.ShouldBeEmpty();
        setup.Cache.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_result_size_cap_cuts_the_result_on_a_row_boundary()
    {
        var setup = new Setup(new FakeConnector(10_000), new QueryOptions { MaxResultBytes = 2_048 });

        var result = await setup.RunSql().Handle(new RunSqlQuery(null, "select n", 10_000, null), Token);

        result.Truncated.ShouldBeTrue();
        result.Rows.Json.Length.ShouldBeLessThanOrEqualTo(2_048);
        var rows = JsonDocument.Parse(result.Rows.Json).RootElement;
        rows.GetArrayLength().ShouldBe((int)result.RowCount);
        result.RowCount.ShouldBeGreaterThan(100);
        rows[(int)result.RowCount - 1][0].GetInt32().ShouldBe((int)result.RowCount - 1);
    }
}
