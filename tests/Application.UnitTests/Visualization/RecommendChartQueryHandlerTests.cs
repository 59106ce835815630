using System.Text;
using System.Text.Json.Nodes;
using Kurobe.Application.Engines;
using Kurobe.Application.Engines.Ports;
using Kurobe.Application.Visualization;
using Kurobe.Application.Visualization.RecommendChart;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.UnitTests.Visualization;

public sealed class RecommendChartQueryHandlerTests
{
    private static readonly ResultColumn[] Columns =
    [
        new("category", "VARCHAR", ValueKind.Text),
        new("revenue", "DECIMAL(18,2)", ValueKind.Decimal),
        new("day", "DATE", ValueKind.Date),
    ];

    private static readonly byte[] Rows = Encoding.UTF8.GetBytes("""
        [["Sports",12.5,"2025-01-03"],["Office Supplies",null,"2024-12-31"],["Sports",40,"2025-02-01"]]
        """);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void The_profile_counts_distinct_values_and_nulls_and_finds_ranges_and_lengths()
    {
        var request = ResultProfiler.Profile(Columns, Rows, "revenue by category");

        request.RowCount.ShouldBe(3);
        request.Question.ShouldBe("revenue by category");
        request.Sample.Count.ShouldBe(3);
        request.Sample[0].ShouldBe(["Sports", 12.5m, "2025-01-03"]);
        var (category, revenue, day) = (request.Columns[0], request.Columns[1], request.Columns[2]);
        category.DistinctCount.ShouldBe(2);
        category.MaxLength.ShouldBe("Office Supplies".Length);
        revenue.NullCount.ShouldBe(1);
        revenue.Min.ShouldBe(12.5m);
        revenue.Max.ShouldBe(40L);
        day.Min.ShouldBe("2024-12-31");
        day.Max.ShouldBe("2025-02-01");
    }

    [Fact]
    public async Task The_engine_answers_with_the_profiled_result()
    {
        var engine = new ScriptedEngine(_ => Task.FromResult(Chart(ChartKind.Bar)));

        var chart = await Handler(engine).Handle(new RecommendChartQuery(Columns, Rows, "q"), Token);

        chart.Kind.ShouldBe(ChartKind.Bar);
        engine.Requests.Single().Columns.Select(c => c.Name).ShouldBe(["category", "revenue", "day"]);
        engine.Leases.ShouldBe(0, "the lease is returned after the call");
    }

    [Fact]
    public async Task A_failing_hanging_or_invalid_engine_is_contained_as_engine_unavailable()
    {
        var throwing = new ScriptedEngine(_ => throw new InvalidOperationException("plugin bug at C:\\secret"));
        var hanging = new ScriptedEngine(async token => { await Task.Delay(Timeout.Infinite, token); return Chart(ChartKind.Bar); });
        var invalid = new ScriptedEngine(_ => Task.FromResult(Chart((ChartKind)999)));

        var failed = await Should.ThrowAsync<EngineUnavailableException>(() => Handler(throwing).Handle(new RecommendChartQuery(Columns, Rows, null), Token).AsTask());
        var timedOut = await Should.ThrowAsync<EngineUnavailableException>(() => Handler(hanging, timeoutSeconds: 1).Handle(new RecommendChartQuery(Columns, Rows, null), Token).AsTask());
        var wrong = await Should.ThrowAsync<EngineUnavailableException>(() => Handler(invalid).Handle(new RecommendChartQuery(Columns, Rows, null), Token).AsTask());

        failed.Message.ShouldBe("The visualization engine 'scripted' failed.");
        failed.Message.ShouldNotContain("secret");
        timedOut.Message.ShouldContain("did not answer within 1 s");
        wrong.Message.ShouldContain("invalid answer: unknown chart kind 999");
        throwing.Leases.ShouldBe(0);
        hanging.Leases.ShouldBe(0);
    }

    private static RecommendChartQueryHandler Handler(ScriptedEngine engine, int timeoutSeconds = 10) =>
        new(new EngineCaller(engine, NullLogger<EngineCaller>.Instance), Options.Create(new EngineOptions { VisualizationTimeoutSeconds = timeoutSeconds }));

    private static ChartRecommendation Chart(ChartKind kind) =>
        new(kind, new ChartEncodings(null, null, null, null), "t", "r", new JsonObject { ["mark"] = "bar" });

    /// <summary>A registry with one visualization engine whose answers the test scripts.</summary>
    private sealed class ScriptedEngine(Func<CancellationToken, Task<ChartRecommendation>> answer) : IEngineRegistry, IVisualizationEngine
    {
        public List<VisualizationRequest> Requests { get; } = [];

        public int Leases { get; private set; }

        public EngineKind Kind => EngineKind.Visualization;

        public IReadOnlyList<EngineStatus> Statuses => [Status];

        private static EngineStatus Status => new(EngineKind.Visualization, "default", "scripted", "scripted-plugin", new Version(1, 0), EngineState.Ready, null, null);

        public EngineLease<TEngine> Lease<TEngine>(EngineKind kind, string? profile = null)
            where TEngine : class, IEngine
        {
            Leases++;
            return new EngineLease<TEngine>((this as TEngine)!, Status, () => Leases--);
        }

        public Task<ChartRecommendation> RecommendAsync(VisualizationRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return answer(cancellationToken);
        }

        public void ReportCallFailure(EngineKind kind, string profile, string error)
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
