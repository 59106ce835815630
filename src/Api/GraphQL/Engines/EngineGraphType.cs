using GraphQL.Types;
using Kurobe.Application.Engines.Ports;
using Kurobe.Plugins.Abstractions.Hosting;

namespace Kurobe.Api.GraphQL.Engines;

internal sealed class EngineGraphType : ObjectGraphType<EngineStatus>
{
    public EngineGraphType()
    {
        Name = "Engine";
        Description = "A configured engine profile (config/engines.yaml) and the plugin serving it.";
        Field<NonNullGraphType<EngineKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("profile").Description("The profile, e.g. \"default\".").Resolve(c => c.Source.Profile);
        Field<NonNullGraphType<StringGraphType>>("provider").Description("The configured provider, e.g. \"rule_based\".").Resolve(c => c.Source.Provider);
        Field<StringGraphType>("plugin").Description("The plugin serving it, when one does.").Resolve(c => c.Source.Plugin);
        Field<StringGraphType>("version").Resolve(c => c.Source.Version?.ToString());
        Field<NonNullGraphType<EngineStateGraphType>>("status").Resolve(c => c.Source.State);
        Field<StringGraphType>("lastError").Description("The latest load or call failure.").Resolve(c => c.Source.LastError);
        Field<DateTimeOffsetGraphType>("loadedAt").Resolve(c => c.Source.LoadedAt);
        Field<StringGraphType>("fallback").Description("The profile that answers when this one's engine fails a call.").Resolve(c => c.Source.Fallback);
        Field<NonNullGraphType<BooleanGraphType>>("builtIn").Description("Whether the server itself provides this engine rather than a plugin.").Resolve(c => c.Source.BuiltIn);
    }
}

internal sealed class EngineKindGraphType : EnumerationGraphType
{
    public EngineKindGraphType()
    {
        Name = "EngineKind";
        Add("TEXT_TO_SQL", EngineKind.TextToSql, "Turns questions into SQL.");
        Add("SEMANTIC", EngineKind.Semantic, "Turns questions into semantic queries.");
        Add("VISUALIZATION", EngineKind.Visualization, "Recommends charts.");
    }
}

internal sealed class EngineStateGraphType : EnumerationGraphType
{
    public EngineStateGraphType()
    {
        Name = "EngineStatus";
        Add("READY", EngineState.Ready, "Loaded and answering.");
        Add("NOT_CONFIGURED", EngineState.NotConfigured, "No profile, or no installed plugin provides the configured provider.");
        Add("FAILED", EngineState.Failed, "The plugin failed to load or to create the engine; see lastError.");
    }
}
