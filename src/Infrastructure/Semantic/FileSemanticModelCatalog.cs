using System.Collections.Frozen;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Semantic;

/// <summary>
/// The semantic models of <c>*.yaml</c> files in the semantic directory, keyed by their <c>data_source</c>. Files are
/// read at start-up and again when they change and have settled; a file that does not read or validate is refused
/// with a logged error, and its last good version stays in force.
/// </summary>
internal sealed class FileSemanticModelCatalog : ISemanticModelCatalog, IHostedService, IDisposable
{
    private const string FilePattern = "*.yaml";

    private readonly SemanticOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FileSemanticModelCatalog> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SemanticModelDocument> _lastGood = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastRead = new(StringComparer.Ordinal);
    private FrozenDictionary<string, SemanticModelDocument> _models = FrozenDictionary<string, SemanticModelDocument>.Empty;
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private bool _started;
    private bool _disposed;

    public FileSemanticModelCatalog(IOptions<SemanticOptions> options, TimeProvider timeProvider, ILogger<FileSemanticModelCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        Directory = _options.ResolveDirectory();
    }

    /// <summary>The directory the model files are read from.</summary>
    public string Directory { get; }

    public ValueTask<SemanticModelDocument?> FindAsync(DataSourceName dataSource, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureStarted();
        return ValueTask.FromResult(Volatile.Read(ref _models).GetValueOrDefault(dataSource.Value));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        StopWatching();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        StopWatching();
    }

    /// <summary>Reads every file again now, as a change would after the debounce.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            ReloadLocked();
        }
    }

    private void EnsureStarted()
    {
        lock (_gate)
        {
            if (_started || _disposed)
            {
                return;
            }

            _started = true;
            ReloadLocked();
            if (!System.IO.Directory.Exists(Directory))
            {
                _logger.DirectoryMissing(Directory);
                return;
            }

            _debounce = _timeProvider.CreateTimer(_ => OnSettled(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(Directory, FilePattern)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.Error += (_, _) => OnChanged(this, EventArgs.Empty);
            _watcher.EnableRaisingEvents = true;
        }
    }

    // Editors save in several writes (truncate, write, rename): wait until the files have been quiet for the debounce.
    private void OnChanged(object? sender, EventArgs e)
    {
        lock (_gate)
        {
            _debounce?.Change(_options.ReloadDebounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnSettled()
    {
        try
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    ReloadLocked();
                }
            }
        }
        catch (Exception ex)
        {
            _logger.ReloadFailed(ex);
        }
    }

    private void ReloadLocked()
    {
        var files = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, FilePattern).Order(StringComparer.Ordinal).ToList()
            : [];

        foreach (var removed in _lastRead.Keys.Except(files).ToList())
        {
            _lastRead.Remove(removed);
            if (_lastGood.Remove(removed, out var document))
            {
                _logger.ModelRemoved(removed, document.DataSource.Value);
            }
        }

        foreach (var file in files)
        {
            ReadFile(file);
        }

        var models = new Dictionary<string, SemanticModelDocument>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.Where(_lastGood.ContainsKey))
        {
            var document = _lastGood[file];
            if (owners.TryGetValue(document.DataSource.Value, out var owner))
            {
                _logger.DuplicateDataSource(owner, file, document.DataSource.Value);
                continue;
            }

            owners[document.DataSource.Value] = file;
            models[document.DataSource.Value] = document;
        }

        Volatile.Write(ref _models, models.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private void ReadFile(string file)
    {
        string yaml;
        DateTimeOffset writtenAt;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            yaml = reader.ReadToEnd();
            writtenAt = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.ReadFailed(ex, file);
            return;
        }

        if (_lastRead.TryGetValue(file, out var previous) && previous == yaml)
        {
            return;
        }

        _lastRead[file] = yaml;
        var result = SemanticModelYamlReader.Read(yaml);
        if (!result.IsValid)
        {
            var fallback = _lastGood.ContainsKey(file) ? "its last good version stays in force" : "it is not used until it is fixed";
            _logger.ModelInvalid(file, fallback, string.Join("; ", result.Problems));
            return;
        }

        _lastGood[file] = new SemanticModelDocument(
            result.DataSource!.Value, result.Model!, yaml, Version: 1, SemanticModelOrigin.Configuration, writtenAt);
        _logger.ModelLoaded(result.Model!.Name, result.DataSource.Value.Value, file);
    }

    private void StopWatching()
    {
        FileSystemWatcher? watcher;
        ITimer? debounce;
        lock (_gate)
        {
            watcher = _watcher;
            debounce = _debounce;
            _watcher = null;
            _debounce = null;
        }

        watcher?.Dispose();
        debounce?.Dispose();
    }
}
