namespace Kurobe.Engines.Llm.Internal;

/// <summary>The wire protocol a profile's model is reached through.</summary>
internal enum LlmApi
{
    Anthropic,
    OpenAi,
    OpenAiCompatible,
}

internal static class LlmApiNames
{
    public const string Anthropic = "anthropic";
    public const string OpenAi = "openai";
    public const string OpenAiCompatible = "openai_compatible";

    public static IReadOnlyList<string> All { get; } = [Anthropic, OpenAi, OpenAiCompatible];

    public static string Name(this LlmApi api) => api switch
    {
        LlmApi.Anthropic => Anthropic,
        LlmApi.OpenAi => OpenAi,
        _ => OpenAiCompatible,
    };

    public static LlmApi? Parse(string? name) => name switch
    {
        Anthropic => LlmApi.Anthropic,
        OpenAi => LlmApi.OpenAi,
        OpenAiCompatible => LlmApi.OpenAiCompatible,
        _ => null,
    };
}
