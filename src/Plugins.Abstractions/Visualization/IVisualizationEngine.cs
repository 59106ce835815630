using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Plugins.Abstractions.Visualization;

/// <summary>Recommends how to chart a query result.</summary>
public interface IVisualizationEngine : IEngine
{
    /// <summary>Recommends one chart for the result described by <paramref name="request"/>.</summary>
    Task<ChartRecommendation> RecommendAsync(VisualizationRequest request, CancellationToken cancellationToken);
}
