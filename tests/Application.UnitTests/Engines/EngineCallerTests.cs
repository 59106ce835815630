using System.Text.Json.Nodes;
using Kurobe.Application.Engines;
using Kurobe.Application.Engines.Ports;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Application.UnitTests.Engines;

public sealed class EngineCallerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_requested_profile_answers_when_it_works()
    {
        var registry = new Registry();
        registry.Add("default", new Engine(_ => Task.FromResult(Chart(ChartKind.Bar))), fallback: "basic");
        registry.Add("basic", new Engine(_ => Task.FromResult(Chart(ChartKind.Table))));

        var answer = await Call(registry, "default");

        answer.Result.Kind.ShouldBe(ChartKind.Bar);
        answer.AnsweredBy.Profile.ShouldBe("default");
        registry.Failures.ShouldBeEmpty();
        registry.OpenLeases.ShouldBe(0);
    }

    [Fact]
    public async Task A_throwing_engine_is_reported_and_its_fallback_answers()
    {
        var registry = new Registry();
        registry.Add("default", new Engine(_ => throw new InvalidOperationException("plugin bug")), fallback: "basic");
        registry.Add("basic", new Engine(_ => Task.FromResult(Chart(ChartKind.Table))));

        var answer = await Call(registry, null);

        answer.Result.Kind.ShouldBe(ChartKind.Table);
        answer.AnsweredBy.Profile.ShouldBe("basic");
        registry.Failures.ShouldBe([("default", "The visualization engine 'default-provider' failed.")]);
        registry.OpenLeases.ShouldBe(0);
    }

    [Fact]
    public async Task An_engine_that_ignores_cancellation_is_abandoned_at_the_time_limit_and_its_fallback_answers()
    {
        var registry = new Registry();
        var never = new TaskCompletionSource<ChartRecommendation>();
        registry.Add("default", new Engine(_ => never.Task), fallback: "basic");
        registry.Add("basic", new Engine(_ => Task.FromResult(Chart(ChartKind.Line))));

        var answer = await new EngineCaller(registry, NullLogger<EngineCaller>.Instance).CallAsync<IVisualizationEngine, ChartRecommendation>(
            EngineKind.Visualization, "default", TimeSpan.FromMilliseconds(100), (e, t) => e.RecommendAsync(null!, t), _ => null, Token);

        answer.Result.Kind.ShouldBe(ChartKind.Line);
        registry.Failures.Single().Error.ShouldContain("did not answer within 0.1 s");
    }

    [Fact]
    public async Task An_invalid_answer_counts_as_a_failure()
    {
        var registry = new Registry();
        registry.Add("default", new Engine(_ => Task.FromResult(Chart(ChartKind.Bar))), fallback: "basic");
        registry.Add("basic", new Engine(_ => Task.FromResult(Chart(ChartKind.Table))));

        var answer = await new EngineCaller(registry, NullLogger<EngineCaller>.Instance).CallAsync<IVisualizationEngine, ChartRecommendation>(
            EngineKind.Visualization, "default", Limit, (e, t) => e.RecommendAsync(null!, t), c => c.Kind == ChartKind.Bar ? "bars are not allowed" : null, Token);

        answer.AnsweredBy.Profile.ShouldBe("basic");
        registry.Failures.Single().Error.ShouldContain("invalid answer: bars are not allowed");
    }

    [Fact]
    public async Task A_profile_whose_plugin_is_not_loaded_falls_back_too()
    {
        var registry = new Registry();
        registry.AddUnavailable("default", fallback: "basic");
        registry.Add("basic", new Engine(_ => Task.FromResult(Chart(ChartKind.Kpi))));

        var answer = await Call(registry, "default");

        answer.AnsweredBy.Profile.ShouldBe("basic");
    }

    [Fact]
    public async Task Without_a_fallback_the_failure_reaches_the_caller_as_engine_unavailable()
    {
        var registry = new Registry();
        registry.Add("default", new Engine(_ => throw new InvalidOperationException("secret detail")));

        var failure = await Should.ThrowAsync<EngineUnavailableException>(() => Call(registry, "default"));

        failure.Message.ShouldBe("The visualization engine 'default-provider' failed.");
    }

    [Fact]
    public async Task When_the_fallback_fails_too_both_failures_are_named()
    {
        var registry = new Registry();
        registry.Add("default", new Engine(_ => throw new InvalidOperationException()), fallback: "basic");
        registry.Add("basic", new Engine(_ => throw new InvalidOperationException()));

        var failure = await Should.ThrowAsync<EngineUnavailableException>(() => Call(registry, "default"));

        failure.Message.ShouldBe("The visualization engine 'default-provider' failed. Its fallback 'basic' failed too: The visualization engine 'basic-provider' failed.");
        registry.Failures.Select(f => f.Profile).ShouldBe(["default", "basic"]);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_an_engine_failure()
    {
        var registry = new Registry();
        registry.Add("default", new Engine(async t => { await Task.Delay(Timeout.Infinite, t); return Chart(ChartKind.Bar); }), fallback: "basic");
        registry.Add("basic", new Engine(_ => Task.FromResult(Chart(ChartKind.Table))));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new EngineCaller(registry, NullLogger<EngineCaller>.Instance).CallAsync<IVisualizationEngine, ChartRecommendation>(
                EngineKind.Visualization, "default", Limit, (e, t) => e.RecommendAsync(null!, t), _ => null, cancellation.Token));

        registry.Failures.ShouldBeEmpty();
        registry.OpenLeases.ShouldBe(0);
    }

    private static Task<EngineAnswer<ChartRecommendation>> Call(Registry registry, string? profile) =>
        new EngineCaller(registry, NullLogger<EngineCaller>.Instance).CallAsync<IVisualizationEngine, ChartRecommendation>(
            EngineKind.Visualization, profile, Limit, (e, t) => e.RecommendAsync(null!, t), _ => null, Token);

    private static ChartRecommendation Chart(ChartKind kind) =>
        new(kind, new ChartEncodings(null, null, null, null), "t", "r", new JsonObject { ["mark"] = "bar" });

    private sealed class Engine(Func<CancellationToken, Task<ChartRecommendation>> answer) : IVisualizationEngine
    {
        public EngineKind Kind => EngineKind.Visualization;

        public Task<ChartRecommendation> RecommendAsync(VisualizationRequest request, CancellationToken cancellationToken) => answer(cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Registry : IEngineRegistry
    {
        private readonly Dictionary<string, (Engine? Engine, EngineStatus Status)> _profiles = [];

        public List<(string Profile, string Error)> Failures { get; } = [];

        public int OpenLeases { get; private set; }

        public IReadOnlyList<EngineStatus> Statuses => [.. _profiles.Values.Select(p => p.Status)];

        public void Add(string profile, Engine engine, string? fallback = null) =>
            _profiles[profile] = (engine, Status(profile, EngineState.Ready, fallback));

        public void AddUnavailable(string profile, string? fallback = null) =>
            _profiles[profile] = (null, Status(profile, EngineState.Failed, fallback));

        public EngineLease<TEngine> Lease<TEngine>(EngineKind kind, string? profile = null)
            where TEngine : class, IEngine
        {
            var (engine, status) = _profiles[profile ?? "default"];
            if (engine is null)
            {
                throw new EngineUnavailableException($"The plugin for '{profile}' failed to load.");
            }

            OpenLeases++;
            return new EngineLease<TEngine>((engine as TEngine)!, status, () => OpenLeases--);
        }

        public void ReportCallFailure(EngineKind kind, string profile, string error) => Failures.Add((profile, error));

        private static EngineStatus Status(string profile, EngineState state, string? fallback) =>
            new(EngineKind.Visualization, profile, $"{profile}-provider", "plugin", new Version(1, 0), state, null, null, fallback);
    }
}
