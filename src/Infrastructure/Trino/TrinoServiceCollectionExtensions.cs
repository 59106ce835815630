using Kurobe.Application.DataSources.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kurobe.Infrastructure.Trino;

public static class TrinoServiceCollectionExtensions
{
    /// <summary>Registers the Trino connector and its validated <see cref="TrinoOptions"/> (section <c>Kurobe:Trino</c>).</summary>
    public static IServiceCollection AddKurobeTrino(this IServiceCollection services)
    {
        services.AddOptions<TrinoOptions>().BindConfiguration(TrinoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDataSourceConnector, TrinoConnector>();
        return services;
    }
}
