using Kurobe.Application.Engines.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Plugins;

public static class PluginServiceCollectionExtensions
{
    public const string EnginesHealthCheckName = "engines";

    /// <summary>The engine plugin host: options (<c>Kurobe:Plugins</c>), <see cref="IEngineRegistry"/>, the loader and watcher, and the <c>engines</c> health check.</summary>
    public static IServiceCollection AddKurobePlugins(this IServiceCollection services)
    {
        services.AddOptions<PluginOptions>()
            .BindConfiguration(PluginOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.EnginesFile))
                {
                    options.EnginesFile = Path.Combine(
                        PluginOptions.ResolveConfigDirectory(configuration[PluginOptions.ConfigDirectoryVariable]), PluginOptions.EnginesFileName);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EngineRegistry(
            sp.GetRequiredService<IOptions<PluginOptions>>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IBuiltInEngineProvider>));
        services.AddSingleton<IEngineRegistry>(sp => sp.GetRequiredService<EngineRegistry>());
        services.AddSingleton<PluginHostService>();
        services.AddHostedService(sp => sp.GetRequiredService<PluginHostService>());
        services.AddHealthChecks().AddCheck<EnginesHealthCheck>(EnginesHealthCheckName, tags: ["ready"]);
        return services;
    }
}
