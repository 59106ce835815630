using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Kurobe.Application.Engines.Ports;
using Kurobe.Infrastructure.Plugins;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Visualization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Plugins;

/// <summary>A temporary plugin directory and engines file, with the fixture plugins built beside the tests.</summary>
internal sealed class PluginSandbox : IAsyncDisposable
{
    public const string VisualizationV1 = "Fixture.Visualization.V1";
    public const string VisualizationV2 = "Fixture.Visualization.V2";
    public const string Crashing = "Fixture.Crashing";
    public const string Hanging = "Fixture.Hanging";
    public const string VisualizationFolder = "fixture-visualization";

    public const string FixtureEngines = """
        visualization:
          default: { provider: "fixture", config: {} }
        """;

    public static readonly VisualizationRequest Request = new(
        [new ColumnProfile("n", "BIGINT", ValueKind.Integer, 1, 0)], 1, [[1L]], "how many?");

    private EngineRegistry? _registry;
    private PluginHostService? _host;

    public PluginSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "kurobe-plugins-" + Guid.NewGuid().ToString("N"));
        PluginDirectory = Path.Combine(Root, "plugins");
        EnginesFile = Path.Combine(Root, "config", "engines.yaml");
        Directory.CreateDirectory(PluginDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(EnginesFile)!);
    }

    public string Root { get; }

    public string PluginDirectory { get; }

    public string EnginesFile { get; }

    public EngineRegistry Registry => _registry ?? throw new InvalidOperationException("Create the registry first.");

    /// <summary>Replaces the folder's files with the fixture's, the way an admin copies a new version over the old.</summary>
    public void Install(string fixture, string folder = VisualizationFolder)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", fixture);
        Directory.Exists(source).ShouldBeTrue($"{fixture} was not built into the test output");
        var target = Path.Combine(PluginDirectory, folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(target))
        {
            File.Delete(file);
        }

        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    public void WriteEngines(string yaml) => File.WriteAllText(EnginesFile, yaml);

    public EngineRegistry CreateRegistry(int debounceMilliseconds = 200, int drainSeconds = 10, params IBuiltInEngineProvider[] builtIns)
    {
        var options = Options.Create(new PluginOptions
        {
            Directory = PluginDirectory,
            EnginesFile = EnginesFile,
            ReloadDebounceMilliseconds = debounceMilliseconds,
            DrainTimeoutSeconds = drainSeconds,
        });
        _registry = new EngineRegistry(options, NullLoggerFactory.Instance, TimeProvider.System, () => builtIns);
        return _registry;
    }

    /// <summary>The registry with its hosted service: loaded at start, watching the files.</summary>
    public async Task<EngineRegistry> StartAsync(int debounceMilliseconds = 200)
    {
        var registry = CreateRegistry(debounceMilliseconds);
        _host = new PluginHostService(registry, TimeProvider.System, NullLogger<PluginHostService>.Instance);
        await _host.StartAsync(TestContext.Current.CancellationToken);
        return registry;
    }

    public async Task<string> AskAsync(string? profile = null)
    {
        using var lease = Registry.Lease<IVisualizationEngine>(EngineKind.Visualization, profile);
        var chart = await lease.Engine.RecommendAsync(Request, TestContext.Current.CancellationToken);
        return chart.Title;
    }

    public EngineStatus Status(string profile = "default") =>
        Registry.Statuses.Single(s => s.Kind == EngineKind.Visualization && s.Profile == profile);

    // Not inlined, so that no reference to the generation outlives this frame in the caller's state machine.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public WeakReference<AssemblyLoadContext> LoadContextOf(string folder = VisualizationFolder) =>
        Registry.Snapshot.Generations[folder].LoadContext;

    public static async Task<bool> IsCollectedAsync(WeakReference<AssemblyLoadContext> context, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!context.TryGetTarget(out _))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            await _host.DisposeAsync();
        }
        else if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
