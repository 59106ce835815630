using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Plugins;

/// <summary>
/// Loads the engine plugins at start-up (never failing it), reloads when a plugin folder or the engines file changes
/// and the files have settled, and disposes every generation at shutdown.
/// </summary>
internal sealed partial class PluginHostService(EngineRegistry registry, TimeProvider timeProvider, ILogger<PluginHostService> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly Channel<string> _changes = Channel.CreateBounded<string>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;
    private Task? _stopWatching;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await registry.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ReloadFailed(ex);
        }

        if (Directory.Exists(registry.PluginDirectory))
        {
            Watch(registry.PluginDirectory, filter: null, subdirectories: true);
        }
        else
        {
            logger.PluginDirectoryMissing(registry.PluginDirectory);
        }

        var enginesDirectory = Path.GetDirectoryName(registry.EnginesFile);
        if (enginesDirectory is not null && Directory.Exists(enginesDirectory))
        {
            Watch(enginesDirectory, Path.GetFileName(registry.EnginesFile), subdirectories: false);
        }

        lock (_gate)
        {
            if (_stopWatching is not null)
            {
                return;
            }

            _stopping = new CancellationTokenSource();
            var token = _stopping.Token;
            _loop = Task.Run(() => ReloadOnChangesAsync(token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopWatchingAsync().ConfigureAwait(false);
        await registry.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopWatchingAsync().ConfigureAwait(false);
        _stopping?.Dispose();
    }

    // Stopping and disposing may overlap (the host stops while the container disposes): the first caller stops
    // watching, later ones wait for it.
    private Task StopWatchingAsync()
    {
        lock (_gate)
        {
            return _stopWatching ??= StopWatchingOnceAsync();
        }
    }

    private async Task StopWatchingOnceAsync()
    {
        FileSystemWatcher[] watchers;
        lock (_gate)
        {
            watchers = [.. _watchers];
            _watchers.Clear();
        }

        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }

        if (_stopping is { IsCancellationRequested: false } stopping)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Watch(string directory, string? filter, bool subdirectories)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = subdirectories,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        if (filter is not null)
        {
            watcher.Filter = filter;
        }

        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.Error += (_, _) => _changes.Writer.TryWrite(directory);
        watcher.EnableRaisingEvents = true;
        lock (_gate)
        {
            if (_stopWatching is not null)
            {
                watcher.Dispose();
                return;
            }

            _watchers.Add(watcher);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _changes.Writer.TryWrite(e.FullPath);

    // Replacing a plugin means several files written one by one: wait until nothing has changed for the debounce
    // interval, then reload once.
    private async Task ReloadOnChangesAsync(CancellationToken cancellationToken)
    {
        var reader = _changes.Reader;
        var debounce = registry.Options.ReloadDebounce;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var path))
            {
                logger.ChangeDetected(path);
            }

            do
            {
                await Task.Delay(debounce, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            while (Drain(reader));

            try
            {
                await registry.ReloadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
            {
                logger.ReloadFailed(ex);
            }
        }
    }

    private static bool Drain(ChannelReader<string> reader)
    {
        var any = false;
        while (reader.TryRead(out _))
        {
            any = true;
        }

        return any;
    }
}
