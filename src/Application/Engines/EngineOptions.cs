using System.ComponentModel.DataAnnotations;

namespace Kurobe.Application.Engines;

/// <summary>How long engines may take.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Kurobe:Engines";

    /// <summary>How long one call to a visualization engine may take before it counts as failed.</summary>
    [Range(1, 600)]
    public int VisualizationTimeoutSeconds { get; set; } = 10;
}
