using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kurobe.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Hosts the real application in memory. The demo DuckDB database is built once per test run in a shared temp
/// directory (it takes a few seconds) and reused by every factory; settings can be overridden per factory.
/// The server starts with a known bootstrap API key (<see cref="BootstrapApiKey"/>), which every client created by
/// <c>CreateClient</c> sends; WebSocket test clients send it in the handshake and in <c>connection_init</c>.
/// </summary>
public class KurobeApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The owner key of the default tenant, created on first start from KUROBE_BOOTSTRAP_API_KEY.</summary>
    public const string BootstrapApiKey = "kb_TestBootstrap001_FunctionalTestsOwnerKeyOfTheDefaultTenant00";

    private static readonly Lazy<string> SharedDataDirectory = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "kurobe-functional-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
        return directory;
    });

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public KurobeApiFactory()
    {
        _settings["Kurobe:Storage:DataDirectory"] = SharedDataDirectory.Value;
        _settings["KUROBE_BOOTSTRAP_API_KEY"] = BootstrapApiKey;
    }

    /// <summary>The key clients of this factory send by default; null sends none.</summary>
    public string? DefaultApiKey { get; set; } = BootstrapApiKey;

    /// <summary>A factory with its own, empty data directory (so its own bootstrap), deleted with the factory.</summary>
    public static KurobeApiFactory WithOwnDataDirectory(out string directory)
    {
        directory = Path.Combine(Path.GetTempPath(), "kurobe-functional-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return InDataDirectory(directory, deleteOnDispose: true);
    }

    /// <summary>A factory on the given data directory, without the demo data set.</summary>
    public static KurobeApiFactory InDataDirectory(string directory, bool deleteOnDispose)
    {
        var factory = new KurobeApiFactory().WithSetting("Kurobe:Storage:DataDirectory", directory).WithSetting("Kurobe:Demo:Enabled", "false");
        factory._ownDirectory = deleteOnDispose ? directory : null;
        return factory;
    }

    private string? _ownDirectory;

    /// <summary>Overrides a configuration value (e.g. "Kurobe:GraphQL:ConnectionInitTimeout") before the host starts.</summary>
    public KurobeApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        // Connection strings choose services while the application composes itself, before the configuration above
        // is applied; host settings reach the application from the start.
        foreach (var (key, value) in _settings.Where(s => s.Key.StartsWith("ConnectionStrings:", StringComparison.Ordinal)))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        if (DefaultApiKey is { } key)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_ownDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(_ownDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Another test process may still hold the database open; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
