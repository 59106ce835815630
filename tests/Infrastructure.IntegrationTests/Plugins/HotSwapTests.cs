using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Kurobe.Application.Engines.Ports;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;

namespace Kurobe.Infrastructure.IntegrationTests.Plugins;

public sealed class HotSwapTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replacing_a_plugins_files_swaps_it_under_load_without_a_failed_call_and_the_old_version_unloads()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = await sandbox.StartAsync(debounceMilliseconds: 200);
        var v1Context = sandbox.LoadContextOf();
        var held = registry.Lease<IVisualizationEngine>(EngineKind.Visualization);

        var answers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<Exception>();
        var clock = new Stopwatch();
        long firstV2Ticks = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var title = await sandbox.AskAsync();
                    answers.AddOrUpdate(title, 1, (_, n) => n + 1);
                    if (title == "v2" && clock.IsRunning)
                    {
                        Interlocked.CompareExchange(ref firstV2Ticks, clock.Elapsed.Ticks, -1);
                    }
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    failures.Enqueue(ex);
                }
            }
        }, CancellationToken.None)).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(1), Token);
        clock.Start();
        sandbox.Install(PluginSandbox.VisualizationV2);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Interlocked.Read(ref firstV2Ticks) < 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), Token);
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        workers = null;

        var swapTime = TimeSpan.FromTicks(Interlocked.Read(ref firstV2Ticks));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Replacing the files to the first call answered by v2: {swapTime.TotalMilliseconds:F0} ms (debounce 200 ms); calls: {string.Join(", ", answers.Select(a => $"{a.Key}={a.Value}"))}");
        failures.ShouldBeEmpty();
        swapTime.ShouldBeGreaterThan(TimeSpan.Zero, "no call was answered by v2");
        answers.Keys.Order().ShouldBe(["v1", "v2"]);
        (await sandbox.AskAsync()).ShouldBe("v2");
        sandbox.Status().Version.ShouldBe(new Version(2, 0));

        (await AskAsync(held)).ShouldBe("v1");
        held.Status.Version.ShouldBe(new Version(1, 0));
        held.Dispose();
        held = null;

        await registry.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(10), Token);
        (await PluginSandbox.IsCollectedAsync(v1Context, TimeSpan.FromSeconds(10))).ShouldBeTrue("the v1 load context was not collected");
    }

    [Fact]
    public async Task A_generation_with_a_lease_out_stays_loaded_until_the_lease_is_returned()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = sandbox.CreateRegistry();
        await registry.ReloadAsync(Token);
        var v1Context = sandbox.LoadContextOf();
        var held = registry.Lease<IVisualizationEngine>(EngineKind.Visualization);

        sandbox.Install(PluginSandbox.VisualizationV2);
        await registry.ReloadAsync(Token);

        (await sandbox.AskAsync()).ShouldBe("v2");
        var drained = registry.WhenDrainedAsync();
        await Task.Delay(300, Token);
        drained.IsCompleted.ShouldBeFalse();
        (await AskAsync(held)).ShouldBe("v1");

        held.Dispose();
        held = null;
        await drained.WaitAsync(TimeSpan.FromSeconds(10), Token);
        (await PluginSandbox.IsCollectedAsync(v1Context, TimeSpan.FromSeconds(10))).ShouldBeTrue("the v1 load context was not collected");
    }

    [Fact]
    public async Task Editing_the_engines_file_reloads_the_profiles()
    {
        await using var sandbox = new PluginSandbox();
        sandbox.Install(PluginSandbox.VisualizationV1);
        sandbox.WriteEngines(PluginSandbox.FixtureEngines);
        var registry = await sandbox.StartAsync(debounceMilliseconds: 100);
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        registry.Reloaded += (_, e) =>
        {
            if (e.Statuses.Any(s => s.Profile == "compact"))
            {
                reloaded.TrySetResult();
            }
        };

        sandbox.WriteEngines("""
            visualization:
              default: { provider: fixture }
              compact: { provider: fixture, config: { rows: 3 } }
            """);
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15), Token);

        (await sandbox.AskAsync("compact")).ShouldBe("v1");
        registry.Statuses.Select(s => (s.Profile, s.State)).ShouldBe([("default", EngineState.Ready), ("compact", EngineState.Ready)]);

        sandbox.WriteEngines("visualization: { default: { provider: fixture, extra: 1 } }");
        await Task.Delay(1_000, Token);
        registry.Statuses.Count.ShouldBe(2);
        registry.ConfigurationError.ShouldNotBeNull();
        (await sandbox.AskAsync("compact")).ShouldBe("v1");
    }

    // Not inlined and not async in the caller, so the engine's own task does not linger in the test's state machine.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> AskAsync(EngineLease<IVisualizationEngine> lease) =>
        (await lease.Engine.RecommendAsync(PluginSandbox.Request, Token)).Title;
}
