using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kurobe.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Hosts the real application in memory. The demo DuckDB database is built once per test run in a shared temp
/// directory (it takes a few seconds) and reused by every factory; settings can be overridden per factory.
/// </summary>
public class KurobeApiFactory : WebApplicationFactory<Program>
{
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
    }

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
