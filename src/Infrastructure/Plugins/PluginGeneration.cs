using System.Runtime.Loader;
using Kurobe.Plugins.Abstractions.Hosting;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Plugins;

/// <summary>
/// One load of one plugin folder: its own unloadable load context, the plugin instance, and the engines it created
/// for the configured profiles. It serves leases until it is retired, then drains, disposes its engines and unloads.
/// </summary>
internal sealed class PluginGeneration
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PluginLoader? _loader;
    private IKurobePlugin? _plugin;
    private Dictionary<(EngineKind Kind, string Profile), IEngine> _engines = [];
    private int _leases;
    private volatile bool _retired;

    public PluginGeneration(string folder, string fingerprint, long number, PluginLoader loader, IKurobePlugin plugin, PluginManifest manifest, DateTimeOffset loadedAt)
    {
        Folder = folder;
        Fingerprint = fingerprint;
        Number = number;
        _loader = loader;
        _plugin = plugin;
        Manifest = manifest;
        LoadedAt = loadedAt;
        LoadContext = new WeakReference<AssemblyLoadContext>(loader.LoadContext);
    }

    /// <summary>The plugin folder's name.</summary>
    public string Folder { get; }

    /// <summary>The folder's files as they were when loaded: names, sizes, times.</summary>
    public string Fingerprint { get; }

    public long Number { get; }

    /// <summary>Copied out of the plugin: a contracts type holding only strings and versions.</summary>
    public PluginManifest Manifest { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Weak, so that watching the unload never prevents it.</summary>
    public WeakReference<AssemblyLoadContext> LoadContext { get; }

    /// <summary>Why engines could not be created, per profile.</summary>
    public Dictionary<(EngineKind Kind, string Profile), string> EngineErrors { get; } = [];

    public int Leases => Volatile.Read(ref _leases);

    public bool IsRetired => _retired;

    public IKurobePlugin Plugin => _plugin ?? throw new ObjectDisposedException(nameof(PluginGeneration));

    public IEngine? EngineFor(EngineKind kind, string profile) => _engines.GetValueOrDefault((kind, profile));

    public void AddEngine(EngineKind kind, string profile, IEngine engine) => _engines[(kind, profile)] = engine;

    public bool TryAcquire()
    {
        Interlocked.Increment(ref _leases);
        if (!_retired)
        {
            return true;
        }

        Release();
        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0 && _retired)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Stops new leases, waits for the current ones (up to <paramref name="timeout"/>), then disposes and unloads.</summary>
    public async Task RetireAsync(TimeSpan timeout, TimeProvider timeProvider, ILogger logger)
    {
        _retired = true;
        if (Volatile.Read(ref _leases) == 0)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(timeout, timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.DrainTimedOut(Folder, Manifest.Version, Leases, timeout);
        }

        await DisposeEnginesAsync(logger).ConfigureAwait(false);
        Unload();
    }

    /// <summary>Disposes a generation that never served (its engines failed, or it lost to a newer load).</summary>
    public async Task DiscardAsync(ILogger logger)
    {
        _retired = true;
        await DisposeEnginesAsync(logger).ConfigureAwait(false);
        Unload();
    }

    private async Task DisposeEnginesAsync(ILogger logger)
    {
        var engines = _engines;
        _engines = [];
        foreach (var ((kind, profile), engine) in engines)
        {
            try
            {
                await engine.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.EngineDisposeFailed(ex, EnginesConfiguration.KindName(kind), profile, Folder);
            }
        }
    }

    private void Unload()
    {
        _plugin = null;
        Interlocked.Exchange(ref _loader, null)?.Dispose();
    }
}
