using System.Reflection;
using NetArchTest.Rules;

namespace Kurobe.Architecture.Tests;

/// <summary>Dependencies point inward: Api -> Infrastructure -> Application -> Domain, and Application -> Plugins.Abstractions.</summary>
public sealed class LayeringTests
{
    private static readonly string[] Technologies =
    [
        "DuckDB", "Npgsql", "Microsoft.EntityFrameworkCore", "StackExchange.Redis", "Quartz", "McMaster",
        "GraphQL", "GraphQLParser", "Microsoft.AspNetCore", "Serilog", "OpenTelemetry", "YamlDotNet",
    ];

    [Fact]
    public void Domain_depends_on_no_other_layer_and_no_technology() =>
        ShouldNotDependOn(Layers.Domain, ["Kurobe.Application", "Kurobe.Infrastructure", "Kurobe.Api", "Kurobe.Plugins", "Mediator", "FluentValidation", .. Technologies]);

    [Fact]
    public void Plugin_contracts_depend_on_no_kurobe_layer_and_no_technology() =>
        ShouldNotDependOn(Layers.PluginsAbstractions, ["Kurobe.Domain", "Kurobe.Application", "Kurobe.Infrastructure", "Kurobe.Api", "Mediator", "FluentValidation", .. Technologies]);

    [Fact]
    public void Plugin_contracts_reference_only_the_base_library_and_logging_abstractions()
    {
        var allowed = new[] { "System.", "netstandard", "Microsoft.Extensions.Logging.Abstractions" };
        var references = Layers.PluginsAbstractions.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        references.Where(name => !allowed.Any(a => name == a.TrimEnd('.') || name.StartsWith(a, StringComparison.Ordinal)))
            .ShouldBeEmpty("Kurobe.Plugins.Abstractions is what third-party plugins compile against; it must stay dependency-free.");
    }

    [Fact]
    public void Application_talks_to_ports_not_to_adapters_or_technologies() =>
        ShouldNotDependOn(Layers.Application, ["Kurobe.Infrastructure", "Kurobe.Api", .. Technologies]);

    [Fact]
    public void Infrastructure_does_not_depend_on_the_api() =>
        ShouldNotDependOn(Layers.Infrastructure, ["Kurobe.Api", "GraphQL", "GraphQLParser"]);

    [Fact]
    public void GraphQL_types_and_resolvers_never_touch_adapters_or_databases() =>
        Types.InAssembly(Layers.Api)
            .That().ResideInNamespaceStartingWith("Kurobe.Api.GraphQL")
            .ShouldNot().HaveDependencyOnAny(["Kurobe.Infrastructure", "DuckDB", "Npgsql", "Microsoft.EntityFrameworkCore", "StackExchange.Redis", "Quartz", "McMaster"])
            .GetResult()
            .ShouldBeSuccessful();

    [Fact]
    public void The_rules_see_real_dependencies()
    {
        // Guards the guards: if the analysis could not read these assemblies, every rule above would pass vacuously.
        Types.InAssembly(Layers.Infrastructure).That().HaveDependencyOn("DuckDB.NET.Data").GetTypes().ShouldNotBeEmpty();
        Types.InAssembly(Layers.Api).That().HaveDependencyOn("GraphQL").GetTypes().ShouldNotBeEmpty();
        Types.InAssembly(Layers.Application).That().HaveDependencyOn("Kurobe.Domain").GetTypes().ShouldNotBeEmpty();
    }

    private static void ShouldNotDependOn(Assembly assembly, string[] forbidden) =>
        Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult().ShouldBeSuccessful();
}
