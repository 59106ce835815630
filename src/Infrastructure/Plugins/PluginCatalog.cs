using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Plugins.Abstractions.TextToSql;
using Kurobe.Plugins.Abstractions.Visualization;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Plugins;

/// <summary>What one attempt to load a plugin folder produced: a generation, or why there is none.</summary>
internal sealed record PluginLoadResult(string Folder, string Fingerprint, PluginGeneration? Generation, string? Error);

/// <summary>
/// Finds plugin folders and loads each into its own unloadable load context that shares only the contracts with the
/// host, so a folder's files can be replaced while it is loaded and the old version can unload.
/// </summary>
internal sealed class PluginCatalog(ILoggerFactory loggerFactory, TimeProvider timeProvider)
{
    private const string AttributeNamespace = "Kurobe.Plugins.Abstractions.Hosting";
    private const string AttributeName = nameof(KurobePluginAttribute);

    // The contracts, and the logging abstractions they expose; everything else a plugin brings stays its own.
    private static readonly Type[] SharedTypes = [typeof(IKurobePlugin), typeof(ILogger), typeof(ILoggerFactory)];

    private readonly ILogger _logger = loggerFactory.CreateLogger<PluginCatalog>();
    private long _generations;

    /// <summary>The plugin folders under <paramref name="directory"/>, by name.</summary>
    public static IReadOnlyList<string> Folders(string directory) => Directory.Exists(directory)
        ? [.. Directory.EnumerateDirectories(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Names, sizes and write times of every file in the folder: changes when the plugin is replaced.</summary>
    public static string Fingerprint(string folderPath)
    {
        var builder = new StringBuilder();
        try
        {
            foreach (var file in Directory.EnumerateFiles(folderPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                builder.Append(Path.GetRelativePath(folderPath, file)).Append('|')
                    .Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            builder.Append("unreadable:").Append(ex.Message);
        }

        return builder.ToString();
    }

    public async Task<PluginLoadResult> LoadAsync(string directory, string folder, string fingerprint, EnginesConfiguration configuration)
    {
        var folderPath = Path.Combine(directory, folder);
        PluginLoader? loader = null;
        PluginGeneration generation;
        try
        {
            var mainAssembly = FindMainAssembly(folderPath, folder);
            loader = PluginLoader.CreateFromAssemblyFile(mainAssembly, SharedTypes, config =>
            {
                config.IsUnloadable = true;
                config.LoadInMemory = true;
            });
            var assembly = loader.LoadDefaultAssembly();
            var attribute = assembly.GetCustomAttribute<KurobePluginAttribute>()
                ?? throw new InvalidOperationException($"{Path.GetFileName(mainAssembly)} has no [assembly: KurobePlugin(...)] attribute.");
            if (!typeof(IKurobePlugin).IsAssignableFrom(attribute.PluginType))
            {
                throw new InvalidOperationException($"{attribute.PluginType.FullName} does not implement {nameof(IKurobePlugin)}.");
            }

            IKurobePlugin plugin;
            try
            {
                plugin = (IKurobePlugin)(Activator.CreateInstance(attribute.PluginType)
                    ?? throw new InvalidOperationException($"{attribute.PluginType.FullName} could not be created."));
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw new InvalidOperationException($"{attribute.PluginType.FullName} threw while being created: {ex.InnerException.Message}", ex.InnerException);
            }

            var manifest = plugin.Manifest ?? throw new InvalidOperationException("The plugin has no manifest.");
            manifest = new PluginManifest(manifest.Name, manifest.Version, [.. manifest.Providers]);
            generation = new PluginGeneration(folder, fingerprint, Interlocked.Increment(ref _generations), loader, plugin, manifest, timeProvider.GetUtcNow());
        }
        catch (Exception ex)
        {
            loader?.Dispose();
            _logger.PluginLoadFailed(ex, folder);
            return new PluginLoadResult(folder, fingerprint, null, $"Plugin folder '{folder}' failed to load: {ex.Message}");
        }

        _logger.PluginLoaded(generation.Manifest.Name, generation.Manifest.Version, folder, generation.Number);
        foreach (var profile in configuration.Profiles)
        {
            if (!generation.Manifest.Providers.Contains(new EngineProvider(profile.Kind, profile.Provider)))
            {
                continue;
            }

            await CreateEngineAsync(generation, profile).ConfigureAwait(false);
        }

        return new PluginLoadResult(folder, fingerprint, generation, null);
    }

    private async Task CreateEngineAsync(PluginGeneration generation, EngineProfile profile)
    {
        var kindName = EnginesConfiguration.KindName(profile.Kind);
        IEngine? engine = null;
        try
        {
            var context = new EngineContext(profile.Name, profile.Config.Clone(), loggerFactory, timeProvider);
            engine = generation.Plugin.CreateEngine(new EngineProvider(profile.Kind, profile.Provider), context)
                ?? throw new InvalidOperationException("CreateEngine returned no engine.");
            if (engine.Kind != profile.Kind || !InterfaceOf(profile.Kind).IsInstanceOfType(engine))
            {
                throw new InvalidOperationException(
                    $"CreateEngine returned a {engine.Kind} engine ({engine.GetType().Name}) for the {kindName} provider '{profile.Provider}'.");
            }

            generation.AddEngine(profile.Kind, profile.Name, engine);
        }
        catch (Exception ex)
        {
            if (engine is not null)
            {
                try
                {
                    await engine.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception disposeError)
                {
                    _logger.EngineDisposeFailed(disposeError, kindName, profile.Name, generation.Folder);
                }
            }

            _logger.EngineCreateFailed(ex, generation.Manifest.Name, generation.Manifest.Version, kindName, profile.Name);
            generation.EngineErrors[(profile.Kind, profile.Name)] =
                $"Plugin {generation.Manifest.Name} {generation.Manifest.Version} could not create the {kindName} engine for profile '{profile.Name}': {ex.Message}";
        }
    }

    public static Type InterfaceOf(EngineKind kind) => kind switch
    {
        EngineKind.Visualization => typeof(IVisualizationEngine),
        EngineKind.Semantic => typeof(ISemanticEngine),
        EngineKind.TextToSql => typeof(ITextToSqlEngine),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // <folder>.dll when there is one, else the single assembly carrying [assembly: KurobePlugin(...)], found by reading
    // metadata only so that nothing is loaded to decide.
    private static string FindMainAssembly(string folderPath, string folder)
    {
        var named = Path.Combine(folderPath, folder + ".dll");
        if (File.Exists(named))
        {
            return named;
        }

        var candidates = Directory.EnumerateFiles(folderPath, "*.dll").Where(CarriesPluginAttribute).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new InvalidOperationException($"No {folder}.dll and no assembly with [assembly: KurobePlugin(...)] in the folder."),
            _ => throw new InvalidOperationException(
                $"Several assemblies carry [assembly: KurobePlugin(...)]: {string.Join(", ", candidates.Select(Path.GetFileName))}; name the main one {folder}.dll."),
        };
    }

    private static bool CarriesPluginAttribute(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return false;
            }

            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var constructor = metadata.GetCustomAttribute(handle).Constructor;
                if (constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference)
                {
                    continue;
                }

                var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
                if (metadata.StringComparer.Equals(type.Name, AttributeName) && metadata.StringComparer.Equals(type.Namespace, AttributeNamespace))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return false;
    }
}
