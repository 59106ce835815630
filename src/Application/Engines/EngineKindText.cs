using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Application.Engines;

/// <summary>How messages name an engine kind ("the text-to-SQL engine ...").</summary>
public static class EngineKindText
{
    public static string Of(EngineKind kind) => kind switch
    {
        EngineKind.TextToSql => "text-to-SQL",
        EngineKind.Semantic => "semantic",
        EngineKind.Visualization => "visualization",
        _ => kind.ToString(),
    };
}
