using Kurobe.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Kurobe.Api.FunctionalTests.Hosting;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// Settings precedence, lowest first: appsettings.json, appsettings.{Environment}.json, config/kurobe.yaml,
/// environment variables (KUROBE_DATA_DIR among them), command-line arguments. These tests change process-wide
/// environment variables, so they run alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class KurobeConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _configDirectory = Directory.CreateTempSubdirectory("kurobe-config-");

    public KurobeConfigurationTests() =>
        File.WriteAllText(Path.Combine(_configDirectory.FullName, KurobeConfiguration.SettingsFileName), """
            Serilog:
              MinimumLevel:
                Default: Warning
            Kurobe:
              Query:
                DefaultMaxRows: 123
                MaxRows: 456
              Storage:
                DataDirectory: from-yaml
            """);

    [Fact]
    public void Yaml_overrides_appsettings()
    {
        var configuration = Build();

        configuration["Serilog:MinimumLevel:Default"].ShouldBe("Warning", "appsettings.json says Information; the YAML file is above it");
        configuration["Kurobe:Query:DefaultMaxRows"].ShouldBe("123");
    }

    [Fact]
    public void Environment_variables_override_yaml_and_the_command_line_overrides_both()
    {
        using var _ = new EnvironmentVariable("Kurobe__Query__DefaultMaxRows", "777");
        using var __ = new EnvironmentVariable("Kurobe__Query__MaxRows", "888");

        var configuration = Build("--Kurobe:Query:MaxRows=999");

        configuration["Kurobe:Query:DefaultMaxRows"].ShouldBe("777");
        configuration["Kurobe:Query:MaxRows"].ShouldBe("999");
    }

    [Fact]
    public void Kurobe_data_dir_sets_the_data_directory_above_yaml()
    {
        Build()["Kurobe:Storage:DataDirectory"].ShouldBe("from-yaml");

        using var _ = new EnvironmentVariable("KUROBE_DATA_DIR", "from-environment");

        Build()["Kurobe:Storage:DataDirectory"].ShouldBe("from-environment");
        Build("--Kurobe:Storage:DataDirectory=from-command-line")["Kurobe:Storage:DataDirectory"].ShouldBe("from-command-line");
    }

    [Fact]
    public void A_missing_config_directory_is_fine()
    {
        var configuration = Build($"--{KurobeConfiguration.ConfigDirectoryVariable}={Path.Combine(_configDirectory.FullName, "absent")}");

        configuration["Kurobe:Query:DefaultMaxRows"].ShouldBeNull();
    }

    public void Dispose() => _configDirectory.Delete(recursive: true);

    private ConfigurationManager Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [$"--{KurobeConfiguration.ConfigDirectoryVariable}={_configDirectory.FullName}", .. args],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.AddKurobeConfiguration();
        return builder.Configuration;
    }

    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
