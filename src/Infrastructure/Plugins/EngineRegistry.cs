using System.Collections.Concurrent;
using System.Collections.Frozen;
using Kurobe.Application.Engines;
using Kurobe.Application.Engines.Ports;
using Kurobe.Plugins.Abstractions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Plugins;

/// <summary>
/// What serves one configured profile in a snapshot: an engine of a plugin generation, a built-in engine (no
/// generation), or nothing (<paramref name="Unavailable"/> says why).
/// </summary>
internal sealed record EngineSlot(EngineProfile Profile, PluginGeneration? Generation, IEngine? Engine, EngineStatus Status, string? Unavailable);

/// <summary>A built-in engine created for one profile's settings; kept while the settings stay the same.</summary>
internal sealed record BuiltInEngine(EngineProfile Profile, IEngine? Engine, string? Error, DateTimeOffset CreatedAt);

/// <summary>An immutable picture of what serves each profile; swapped as a whole.</summary>
internal sealed record EngineSnapshot(
    EnginesConfiguration Configuration,
    FrozenDictionary<string, PluginGeneration> Generations,
    FrozenDictionary<(EngineKind Kind, string Profile), EngineSlot> Slots,
    IReadOnlyList<EngineStatus> Statuses)
{
    public static readonly EngineSnapshot Empty = new(
        EnginesConfiguration.Empty,
        FrozenDictionary<string, PluginGeneration>.Empty,
        FrozenDictionary<(EngineKind, string), EngineSlot>.Empty,
        []);

    /// <summary>Every generation this snapshot keeps alive: the folders' current ones and older ones still serving a profile.</summary>
    public HashSet<PluginGeneration> Alive() =>
        [.. Generations.Values, .. Slots.Values.Select(s => s.Generation).OfType<PluginGeneration>()];
}

internal sealed class EnginesReloadedEventArgs(IReadOnlyList<EngineStatus> statuses) : EventArgs
{
    public IReadOnlyList<EngineStatus> Statuses { get; } = statuses;
}

/// <summary>
/// Serves leases from the current snapshot, and builds the next one beside it on reload: new generations are loaded and
/// their engines created before one atomic swap; replaced generations drain, are disposed, and unload.
/// </summary>
internal sealed class EngineRegistry : IEngineRegistry, IAsyncDisposable
{
    public const string DefaultProfile = "default";

    /// <summary>What the <c>plugin</c> of a built-in engine's status reads.</summary>
    public const string BuiltInPluginName = "kurobe";

    private static readonly Version HostVersion = typeof(EngineRegistry).Assembly.GetName().Version ?? new Version(1, 0);

    private readonly PluginOptions _options;
    private readonly PluginCatalog _catalog;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<EngineRegistry> _logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly Lock _drainsLock = new();
    private readonly List<Task> _drains = [];
    private readonly Func<IEnumerable<IBuiltInEngineProvider>> _builtInProviders;
    private readonly Dictionary<(EngineKind Kind, string Profile), BuiltInEngine> _builtIns = [];
    private readonly ConcurrentDictionary<(EngineKind Kind, string Profile), string> _callFailures = new();
    private EngineSnapshot _snapshot = EngineSnapshot.Empty;
    private bool _configurationLoaded;
    private bool _disposed;

    public EngineRegistry(IOptions<PluginOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
        : this(options, loggerFactory, timeProvider, () => [])
    {
    }

    /// <param name="builtInProviders">
    /// The server's own providers, read at each reload: a built-in engine may itself lease engines from this
    /// registry, so they cannot be constructor dependencies.
    /// </param>
    public EngineRegistry(
        IOptions<PluginOptions> options,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        Func<IEnumerable<IBuiltInEngineProvider>> builtInProviders)
    {
        _builtInProviders = builtInProviders;
        _options = options.Value;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<EngineRegistry>();
        _catalog = new PluginCatalog(loggerFactory, timeProvider);
        PluginDirectory = _options.ResolveDirectory();
        EnginesFile = _options.ResolveEnginesFile();
    }

    public string PluginDirectory { get; }

    public string EnginesFile { get; }

    public PluginOptions Options => _options;

    /// <summary>Why the engines file was last refused, while the previous good configuration (or none) is in use.</summary>
    public string? ConfigurationError { get; private set; }

    /// <summary>Raised after every reload that changed what serves.</summary>
    public event EventHandler<EnginesReloadedEventArgs>? Reloaded;

    public IReadOnlyList<EngineStatus> Statuses
    {
        get
        {
            var statuses = Volatile.Read(ref _snapshot).Statuses;
            return _callFailures.IsEmpty
                ? statuses
                : [.. statuses.Select(s => _callFailures.TryGetValue((s.Kind, s.Profile), out var error) ? s with { LastError = error } : s)];
        }
    }

    public void ReportCallFailure(EngineKind kind, string profile, string error) => _callFailures[(kind, profile)] = error;

    internal EngineSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public EngineLease<TEngine> Lease<TEngine>(EngineKind kind, string? profile = null)
        where TEngine : class, IEngine
    {
        profile ??= DefaultProfile;
        while (true)
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (!snapshot.Slots.TryGetValue((kind, profile), out var slot))
            {
                throw new EngineUnavailableException($"No {EngineKindText.Of(kind)} engine is configured for profile '{profile}'.");
            }

            if (slot.Engine is null)
            {
                throw new EngineUnavailableException(slot.Unavailable ?? $"The {EngineKindText.Of(kind)} engine for profile '{profile}' is not available.");
            }

            if (slot.Engine is not TEngine engine)
            {
                throw new EngineUnavailableException($"The {EngineKindText.Of(kind)} engine for profile '{profile}' is not a {typeof(TEngine).Name}.");
            }

            if (slot.Generation is null)
            {
                return new EngineLease<TEngine>(engine, slot.Status, static () => { });
            }

            // A generation retired between reading the snapshot and taking the lease refuses it; the next read sees
            // the snapshot that replaced it.
            if (slot.Generation.TryAcquire())
            {
                return new EngineLease<TEngine>(engine, slot.Status, slot.Generation.Release);
            }
        }
    }

    /// <summary>Reloads the engines file and every changed plugin folder now, and swaps when that succeeds.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await ReloadCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Completes when every replaced generation has drained and unloaded.</summary>
    public Task WhenDrainedAsync()
    {
        lock (_drainsLock)
        {
            return Task.WhenAll(_drains);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reloadGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var last = Interlocked.Exchange(ref _snapshot, EngineSnapshot.Empty);
            foreach (var generation in last.Alive())
            {
                Retire(generation);
            }
        }
        finally
        {
            _reloadGate.Release();
        }

        await WhenDrainedAsync().ConfigureAwait(false);
    }

    private async Task ReloadCoreAsync()
    {
        var previous = Volatile.Read(ref _snapshot);
        var configuration = ReadConfiguration(previous.Configuration);
        var configurationChanged = !SameProfiles(previous.Configuration, configuration);
        var changedProviders = ChangedProviders(previous.Configuration, configuration);

        var generations = new Dictionary<string, PluginGeneration>(StringComparer.Ordinal);
        var folderErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var loaded = new List<PluginGeneration>();
        foreach (var folder in PluginCatalog.Folders(PluginDirectory))
        {
            var fingerprint = PluginCatalog.Fingerprint(Path.Combine(PluginDirectory, folder));
            previous.Generations.TryGetValue(folder, out var current);
            if (current is not null && current.Fingerprint == fingerprint && !current.Manifest.Providers.Any(changedProviders.Contains))
            {
                generations[folder] = current;
                continue;
            }

            var result = await _catalog.LoadAsync(PluginDirectory, folder, fingerprint, configuration).ConfigureAwait(false);
            if (result.Generation is not null)
            {
                generations[folder] = result.Generation;
                loaded.Add(result.Generation);
            }
            else
            {
                folderErrors[folder] = result.Error!;
                if (current is not null)
                {
                    generations[folder] = current;
                }
            }
        }

        if (loaded.Count == 0 && !configurationChanged && folderErrors.Count == 0
            && generations.Count == previous.Generations.Count && !ReferenceEquals(previous, EngineSnapshot.Empty))
        {
            return;
        }

        var next = Build(previous, configuration, generations, folderErrors);
        Volatile.Write(ref _snapshot, next);

        var alive = next.Alive();
        foreach (var generation in previous.Alive().Where(g => !alive.Contains(g)))
        {
            Retire(generation);
        }

        foreach (var generation in loaded.Where(g => !alive.Contains(g)))
        {
            Track(generation.DiscardAsync(_logger));
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.EnginesSwapped(string.Join("; ", next.Statuses.Select(Describe)));
        }

        Reloaded?.Invoke(this, new EnginesReloadedEventArgs(next.Statuses));
    }

    private EngineSnapshot Build(
        EngineSnapshot previous,
        EnginesConfiguration configuration,
        Dictionary<string, PluginGeneration> generations,
        Dictionary<string, string> folderErrors)
    {
        var providers = new Dictionary<EngineProvider, PluginGeneration>();
        foreach (var generation in generations.Values.OrderBy(g => g.Folder, StringComparer.Ordinal))
        {
            foreach (var provider in generation.Manifest.Providers)
            {
                if (!providers.TryAdd(provider, generation))
                {
                    _logger.DuplicateProvider(EnginesConfiguration.KindName(provider.Kind), provider.Name, providers[provider].Folder, generation.Folder);
                }
            }
        }

        var builtInProviders = _builtInProviders().ToDictionary(p => p.Provider);
        var slots = new Dictionary<(EngineKind, string), EngineSlot>();
        foreach (var profile in configuration.Profiles)
        {
            var key = (profile.Kind, profile.Name);
            previous.Slots.TryGetValue(key, out var before);
            if (before is null || !before.Profile.SameSettingsAs(profile))
            {
                _callFailures.TryRemove(key, out _);
            }

            var lastGood = before is { Engine: not null } && before.Profile.Provider == profile.Provider ? before : null;

            EngineSlot slot;
            if (providers.TryGetValue(new EngineProvider(profile.Kind, profile.Provider), out var generation))
            {
                var engine = generation.EngineFor(profile.Kind, profile.Name);
                folderErrors.TryGetValue(generation.Folder, out var folderError);
                if (engine is not null)
                {
                    slot = Serving(profile, generation, engine, folderError);
                }
                else
                {
                    var error = generation.EngineErrors.GetValueOrDefault(key)
                        ?? $"Plugin {generation.Manifest.Name} {generation.Manifest.Version} has no {EngineKindText.Of(profile.Kind)} engine for profile '{profile.Name}'.";
                    slot = lastGood is not null
                        ? Serving(profile, lastGood.Generation!, lastGood.Engine!, error)
                        : Unavailable(profile, generation, EngineState.Failed, error,
                            $"The {EngineKindText.Of(profile.Kind)} engine for profile '{profile.Name}' failed to start: {error}");
                }
            }
            else if (builtInProviders.TryGetValue(new EngineProvider(profile.Kind, profile.Provider), out var builtInProvider))
            {
                slot = BuiltIn(profile, builtInProvider);
            }
            else if (folderErrors.Count > 0)
            {
                var error = string.Join(" ", folderErrors.Values);
                slot = Unavailable(profile, null, EngineState.Failed, error,
                    $"The {EngineKindText.Of(profile.Kind)} provider '{profile.Provider}' is not available: {error}");
            }
            else
            {
                slot = Unavailable(profile, null, EngineState.NotConfigured, null,
                    $"The {EngineKindText.Of(profile.Kind)} provider '{profile.Provider}' is not installed.");
            }

            slots[key] = slot;
        }

        foreach (var stale in _builtIns.Keys.Where(k => !slots.TryGetValue(k, out var slot) || slot.Generation is not null).ToList())
        {
            _builtIns.Remove(stale);
        }

        return new EngineSnapshot(
            configuration,
            generations.ToFrozenDictionary(StringComparer.Ordinal),
            slots.ToFrozenDictionary(),
            [.. slots.Values.Select(s => s.Status)]);
    }

    private static EngineSlot Serving(EngineProfile profile, PluginGeneration generation, IEngine engine, string? lastError) =>
        new(profile, generation, engine,
            new EngineStatus(profile.Kind, profile.Name, profile.Provider, generation.Manifest.Name, generation.Manifest.Version, EngineState.Ready, lastError, generation.LoadedAt, profile.Fallback),
            null);

    private static EngineSlot Unavailable(EngineProfile profile, PluginGeneration? generation, EngineState state, string? lastError, string message) =>
        new(profile, null, null,
            new EngineStatus(profile.Kind, profile.Name, profile.Provider, generation?.Manifest.Name, generation?.Manifest.Version, state, lastError, null, profile.Fallback),
            message);

    private EngineSlot BuiltIn(EngineProfile profile, IBuiltInEngineProvider provider)
    {
        var key = (profile.Kind, profile.Name);
        if (!_builtIns.TryGetValue(key, out var builtIn) || !builtIn.Profile.SameSettingsAs(profile))
        {
            var context = new EngineContext(profile.Name, profile.Config, _loggerFactory, _timeProvider);
            try
            {
                builtIn = new BuiltInEngine(profile, provider.Create(context), null, _timeProvider.GetUtcNow());
            }
            catch (Exception ex)
            {
                _logger.BuiltInEngineFailed(ex, EnginesConfiguration.KindName(profile.Kind), profile.Name, profile.Provider);
                builtIn = new BuiltInEngine(profile, null, ex.Message, _timeProvider.GetUtcNow());
            }

            _builtIns[key] = builtIn;
        }

        var status = new EngineStatus(
            profile.Kind, profile.Name, profile.Provider, BuiltInPluginName, HostVersion,
            builtIn.Engine is null ? EngineState.Failed : EngineState.Ready, builtIn.Error, builtIn.CreatedAt, profile.Fallback, BuiltIn: true);
        return builtIn.Engine is null
            ? new EngineSlot(profile, null, null, status, $"The {EngineKindText.Of(profile.Kind)} engine for profile '{profile.Name}' failed to start: {builtIn.Error}")
            : new EngineSlot(profile, null, builtIn.Engine, status, null);
    }

    /// <summary>The providers whose profiles were added, removed or changed: only their plugins need to load again.</summary>
    private static HashSet<EngineProvider> ChangedProviders(EnginesConfiguration before, EnginesConfiguration after)
    {
        var changed = new HashSet<EngineProvider>();
        foreach (var profile in after.Profiles)
        {
            var old = before.Find(profile.Kind, profile.Name);
            if (old is null || !old.SameSettingsAs(profile))
            {
                changed.Add(new EngineProvider(profile.Kind, profile.Provider));
                if (old is not null)
                {
                    changed.Add(new EngineProvider(old.Kind, old.Provider));
                }
            }
        }

        foreach (var profile in before.Profiles.Where(p => after.Find(p.Kind, p.Name) is null))
        {
            changed.Add(new EngineProvider(profile.Kind, profile.Provider));
        }

        return changed;
    }

    private EnginesConfiguration ReadConfiguration(EnginesConfiguration lastGood)
    {
        try
        {
            var configuration = EnginesConfiguration.Load(EnginesFile);
            _configurationLoaded = true;
            ConfigurationError = null;
            return configuration;
        }
        catch (EnginesConfigurationException ex)
        {
            ConfigurationError = ex.Message;
            _logger.EnginesFileInvalid(_configurationLoaded ? "keeping the last good configuration" : "starting with no engine profiles", ex.Message);
            return lastGood;
        }
    }

    private static bool SameProfiles(EnginesConfiguration left, EnginesConfiguration right) =>
        left.Profiles.Count == right.Profiles.Count && left.Profiles.Zip(right.Profiles).All(p => p.First.SameSettingsAs(p.Second));

    private void Retire(PluginGeneration generation)
    {
        Track(RetireAsync(generation));
    }

    private async Task RetireAsync(PluginGeneration generation)
    {
        await Task.Yield();
        await generation.RetireAsync(_options.DrainTimeout, _timeProvider, _logger).ConfigureAwait(false);
        _logger.GenerationUnloaded(generation.Number, generation.Folder);
    }

    private void Track(Task drain)
    {
        lock (_drainsLock)
        {
            _drains.RemoveAll(t => t.IsCompleted);
            _drains.Add(drain);
        }
    }

    private static string Describe(EngineStatus status) =>
        $"{EnginesConfiguration.KindName(status.Kind)}/{status.Profile}={status.Provider}:{status.State}"
        + (status.Plugin is null ? string.Empty : $" ({status.Plugin} {status.Version})");
}
