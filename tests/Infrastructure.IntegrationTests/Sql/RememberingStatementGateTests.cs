using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.Sql;

namespace Kurobe.Infrastructure.IntegrationTests.Sql;

public sealed class RememberingStatementGateTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_text_is_checked_once_and_gets_the_same_verdict()
    {
        var inner = new CountingGate();
        var gate = new RememberingStatementGate(inner);

        var first = await gate.CheckAsync("select 1", Token);
        var second = await gate.CheckAsync("select 1", Token);
        var refusal = await Should.ThrowAsync<SqlNotAllowedException>(async () => await gate.CheckAsync("drop table t", Token));
        var again = await Should.ThrowAsync<SqlNotAllowedException>(async () => await gate.CheckAsync("drop table t", Token));

        second.ShouldBe(first);
        again.Message.ShouldBe(refusal.Message);
        inner.Checks.ShouldBe(2);
        gate.Kind.ShouldBe(DataSourceKind.Postgres);
    }

    [Fact]
    public async Task Different_text_is_checked_again_and_long_text_is_not_remembered()
    {
        var inner = new CountingGate();
        var gate = new RememberingStatementGate(inner);
        var longSql = "select " + new string('1', RememberingStatementGate.MaxRememberedLength);

        await gate.CheckAsync("select 1", Token);
        await gate.CheckAsync("SELECT 1", Token);
        await gate.CheckAsync(longSql, Token);
        await gate.CheckAsync(longSql, Token);

        inner.Checks.ShouldBe(4);
    }

    [Fact]
    public async Task Memory_stays_bounded()
    {
        var inner = new CountingGate();
        var gate = new RememberingStatementGate(inner);

        for (var i = 0; i < RememberingStatementGate.Capacity * 3; i++)
        {
            await gate.CheckAsync($"select {i}", Token);
        }

        await gate.CheckAsync($"select {(RememberingStatementGate.Capacity * 3) - 1}", Token);
        inner.Checks.ShouldBe(RememberingStatementGate.Capacity * 3, "the most recent statements are still remembered");
    }

    private sealed class CountingGate : ISqlStatementGate
    {
        public int Checks { get; private set; }

        public DataSourceKind Kind => DataSourceKind.Postgres;

        public ValueTask<GatedStatement> CheckAsync(string sql, CancellationToken cancellationToken)
        {
            Checks++;
            return sql.StartsWith("drop", StringComparison.Ordinal)
                ? throw new SqlNotAllowedException("Writing statements are not allowed (found DROP).")
                : ValueTask.FromResult(new GatedStatement(sql, sql));
        }
    }
}
