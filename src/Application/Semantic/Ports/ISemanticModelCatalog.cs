using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Ports;

/// <summary>The semantic model of each data source: from <c>config/semantic/*.yaml</c>, or a version saved through the API.</summary>
public interface ISemanticModelCatalog
{
    /// <summary>The current model of <paramref name="dataSource"/>, or null when the source has none.</summary>
    ValueTask<SemanticModelDocument?> FindAsync(DataSourceName dataSource, CancellationToken cancellationToken);
}

/// <summary>Where a model's current version comes from.</summary>
public enum SemanticModelOrigin
{
    /// <summary>A YAML file in the semantic model directory.</summary>
    Configuration,

    /// <summary>A version saved through the API.</summary>
    Api,
}

/// <summary>A parsed, validated semantic model and the YAML it was read from.</summary>
/// <param name="DataSource">The data source the model describes.</param>
/// <param name="Model">The model.</param>
/// <param name="Yaml">Its YAML text.</param>
/// <param name="Version">Its version: 1 for a file, counting up with each version saved through the API.</param>
/// <param name="Origin">File or API.</param>
/// <param name="UpdatedAt">When this version was written.</param>
public sealed record SemanticModelDocument(
    DataSourceName DataSource,
    SemanticModel Model,
    string Yaml,
    int Version,
    SemanticModelOrigin Origin,
    DateTimeOffset UpdatedAt);
