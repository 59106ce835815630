using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using NetEscapades.Configuration.Yaml;

namespace Kurobe.Api.Hosting;

/// <summary>
/// Configuration sources, lowest precedence first: appsettings.json, appsettings.{Environment}.json,
/// config/kurobe.yaml, environment variables (KUROBE_DATA_DIR among them), command-line arguments.
/// </summary>
internal static class KurobeConfiguration
{
    public const string ConfigDirectoryVariable = "KUROBE_CONFIG_DIR";
    public const string SettingsFileName = "kurobe.yaml";

    public static WebApplicationBuilder AddKurobeConfiguration(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configDirectory = ResolveConfigDirectory(configuration[ConfigDirectoryVariable]);
        var yaml = new YamlConfigurationSource
        {
            Path = Path.Combine(configDirectory, SettingsFileName),
            Optional = true,
            ReloadOnChange = false,
        };
        yaml.ResolveFileProvider();

        // The host also reads ASPNETCORE_- and DOTNET_-prefixed variables, before appsettings.json; the application's
        // own environment variables are the unprefixed source that follows the JSON files.
        var sources = ((IConfigurationBuilder)configuration).Sources;
        var environment = sources.ToList().FindLastIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment < 0)
        {
            environment = sources.Count;
        }

        sources.Insert(environment, yaml);
        if (Environment.GetEnvironmentVariable(StorageOptions.DataDirectoryVariable) is { Length: > 0 } dataDirectory)
        {
            sources.Insert(Math.Min(environment + 2, sources.Count), new MemoryConfigurationSource
            {
                InitialData = [new($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}", dataDirectory)],
            });
        }

        return builder;
    }

    // ./config in the working directory when there is one (a checkout, a deployment's own), else the copy that
    // ships beside the binaries.
    private static string ResolveConfigDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var inWorkingDirectory = Path.GetFullPath("config");
        return Directory.Exists(inWorkingDirectory) ? inWorkingDirectory : Path.Combine(AppContext.BaseDirectory, "config");
    }
}
