namespace Kurobe.Plugins.Abstractions.Hosting;

/// <summary>The kinds of engine a plugin can provide.</summary>
public enum EngineKind
{
    /// <summary>Turns a question into SQL: <see cref="TextToSql.ITextToSqlEngine"/>.</summary>
    TextToSql,

    /// <summary>Turns a question into a semantic query: <see cref="Semantic.ISemanticEngine"/>.</summary>
    Semantic,

    /// <summary>Recommends a chart for a result: <see cref="Visualization.IVisualizationEngine"/>.</summary>
    Visualization,
}
