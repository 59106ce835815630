using System.Text.Json;

namespace Kurobe.LlmFakes;

/// <summary>
/// One scripted answer of <see cref="FakeLlmServer"/>, independent of the protocol: the server renders it as an OpenAI
/// chat completion or an Anthropic message, or as that protocol's error body.
/// </summary>
public sealed record FakeReply
{
    public const int DefaultInputTokens = 1_200;
    public const int DefaultOutputTokens = 80;

    /// <summary>The assistant's text; null for errors.</summary>
    public string? Text { get; init; }

    /// <summary>The HTTP status; 200 for a completion.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The error's message, for error statuses.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The <c>retry-after</c> header, in whole seconds, when set.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>How long to wait before answering; the wait ends early when the client goes away.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Never answer: wait until the client aborts the request.</summary>
    public bool Hang { get; init; }

    public int InputTokens { get; init; } = DefaultInputTokens;

    public int OutputTokens { get; init; } = DefaultOutputTokens;

    /// <summary>Echo the request's API key in the error message, as careless servers do.</summary>
    public bool EchoApiKey { get; init; }

    public bool IsError => Status != 200;

    /// <summary>Any text as the assistant's reply.</summary>
    public static FakeReply Content(string text) => new() { Text = text };

    /// <summary>The JSON reply the engines ask for, with SQL.</summary>
    public static FakeReply Sql(string sql, string explanation = "Answers the question.", double confidence = 0.9) =>
        Json(new { sql, refusal = (string?)null, explanation, confidence });

    /// <summary>SQL in a fenced block with prose around it, as chatty models answer.</summary>
    public static FakeReply FencedSql(string sql) =>
        Content($"Here is the query:\n\n```sql\n{sql}\n```\n\nIt answers the question.");

    /// <summary>The JSON reply the engines ask for, refusing.</summary>
    public static FakeReply Refusal(string reason) =>
        Json(new { sql = (string?)null, refusal = reason, explanation = "", confidence = 0.0 });

    /// <summary>Any object serialized as the assistant's JSON reply.</summary>
    public static FakeReply Json(object value) => Content(JsonSerializer.Serialize(value));

    /// <summary>429 with a <c>retry-after</c> header.</summary>
    public static FakeReply RateLimited(int retryAfterSeconds = 1) =>
        new() { Status = 429, RetryAfterSeconds = retryAfterSeconds, ErrorMessage = "Rate limit reached for requests." };

    /// <summary>500 from the provider.</summary>
    public static FakeReply ServerError(int status = 500) =>
        new() { Status = status, ErrorMessage = "The server had an error while processing your request." };

    /// <summary>An error with any status.</summary>
    public static FakeReply Error(int status, string message) => new() { Status = status, ErrorMessage = message };

    /// <summary>This reply, answered after <paramref name="delay"/>.</summary>
    public FakeReply After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>No reply at all: the request hangs until the client aborts it.</summary>
    public static FakeReply Hanging() => new() { Hang = true };
}
