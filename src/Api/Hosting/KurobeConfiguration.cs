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

        var sources = ((IConfigurationBuilder)configuration).Sources;
        var environmentVariables = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(environmentVariables < 0 ? sources.Count : environmentVariables, yaml);

        if (Environment.GetEnvironmentVariable(StorageOptions.DataDirectoryVariable) is { Length: > 0 } dataDirectory)
        {
            var afterEnvironment = sources.ToList().FindLastIndex(s => s is EnvironmentVariablesConfigurationSource) + 1;
            var source = new MemoryConfigurationSource
            {
                InitialData = [new($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}", dataDirectory)],
            };
            sources.Insert(afterEnvironment == 0 ? sources.Count : afterEnvironment, source);
        }

        configuration[ConfigDirectoryKey] = configDirectory;
        return builder;
    }

    /// <summary>The resolved config directory, for features that read more files from it.</summary>
    public const string ConfigDirectoryKey = "Kurobe:ConfigDirectory";

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
