using Kurobe.Application.Asking.Answering;
using Kurobe.Application.Asking.KnownValues;
using Kurobe.Application.Asking.SemanticCompiler;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Engines.Ports;
using Kurobe.Application.Querying.RunSql;
using Kurobe.Application.Querying.StreamSql;
using Kurobe.Application.Visualization.RecommendChart;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kurobe.Application.Asking;

public static class AskingServiceCollectionExtensions
{
    /// <summary>The ask feature: its options, the shared answering steps, the known-values profiler and the built-in <c>semantic_compiler</c> provider.</summary>
    public static IServiceCollection AddKurobeAsking(this IServiceCollection services)
    {
        services.AddOptions<AskOptions>().BindConfiguration(AskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnownValuesProfiler>();
        services.AddScoped<AskAnswerer>();
        // Asking runs its SQL and charts exactly as runQuery, queryStream and recommendChart do, through their handlers.
        services.TryAddScoped<RunSqlQueryHandler>();
        services.TryAddScoped<StreamSqlQueryHandler>();
        services.TryAddScoped<RecommendChartQueryHandler>();
        services.AddSingleton<IBuiltInEngineProvider, SemanticCompilerEngineProvider>();
        // Asking is per tenant; the transport's authentication sets the ambient caller (this is only the default).
        services.TryAddSingleton<ICurrentPrincipal, AmbientPrincipal>();
        return services;
    }
}
