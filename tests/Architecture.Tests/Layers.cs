using System.Reflection;
using Kurobe.Application.DataSources.ListDataSources;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Architecture.Tests;

internal static class Layers
{
    public static Assembly Domain { get; } = typeof(DataSource).Assembly;

    public static Assembly PluginsAbstractions { get; } = typeof(ResultColumn).Assembly;

    public static Assembly Application { get; } = typeof(ListDataSourcesQuery).Assembly;

    public static Assembly Infrastructure { get; } = typeof(DependencyInjection).Assembly;

    public static Assembly Api { get; } = typeof(Program).Assembly;
}

internal static class TestResultExtensions
{
    public static void ShouldBeSuccessful(this NetArchTest.Rules.TestResult result) =>
        result.IsSuccessful.ShouldBeTrue("These types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []));
}
