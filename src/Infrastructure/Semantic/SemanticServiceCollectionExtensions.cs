using Kurobe.Application.Semantic.Compilation;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Infrastructure.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kurobe.Infrastructure.Semantic;

public static class SemanticServiceCollectionExtensions
{
    /// <summary>
    /// The semantic layer: options (<c>Kurobe:Semantic</c>), the file-backed <see cref="ISemanticModelCatalog"/> (loaded at
    /// start-up, reloaded on change) and the <see cref="ISemanticQueryCompiler"/>.
    /// </summary>
    public static IServiceCollection AddKurobeSemanticLayer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SemanticOptions>()
            .BindConfiguration(SemanticOptions.SectionName)
            .Configure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.Directory))
                {
                    options.Directory = Path.Combine(
                        PluginOptions.ResolveConfigDirectory(configuration[PluginOptions.ConfigDirectoryVariable]), SemanticOptions.DefaultDirectoryName);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FileSemanticModelCatalog>();
        services.AddSingleton<ISemanticModelCatalog>(sp => sp.GetRequiredService<FileSemanticModelCatalog>());
        services.AddHostedService(sp => sp.GetRequiredService<FileSemanticModelCatalog>());
        services.AddSingleton<ISemanticQueryCompiler, SemanticQueryCompiler>();
        return services;
    }
}
