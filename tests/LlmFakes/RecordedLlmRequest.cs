using System.Text.Json;

namespace Kurobe.LlmFakes;

/// <summary>Which wire protocol a request spoke.</summary>
public enum LlmProtocol
{
    OpenAi,
    Anthropic,
}

/// <summary>One chat message as the request carried it, with its content flattened to text.</summary>
public sealed record RecordedMessage(string Role, string Text);

/// <summary>One request the fake received: headers, raw body and the messages read from it.</summary>
public sealed class RecordedLlmRequest
{
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RecordedLlmRequest(LlmProtocol protocol, string path, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset receivedAt)
    {
        Protocol = protocol;
        Path = path;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
        try
        {
            Json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            Json = default;
        }

        Messages = ReadMessages(protocol, Json);
    }

    public LlmProtocol Protocol { get; }

    public string Path { get; }

    /// <summary>Headers by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The body as JSON; <c>Undefined</c> when it was not JSON.</summary>
    public JsonElement Json { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The messages in order; Anthropic's top-level <c>system</c> comes first with role <c>system</c>.</summary>
    public IReadOnlyList<RecordedMessage> Messages { get; }

    public string? Model => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("model", out var model) ? model.GetString() : null;

    /// <summary>All system text, joined.</summary>
    public string SystemText => string.Join("\n", Messages.Where(m => m.Role is "system" or "developer").Select(m => m.Text));

    /// <summary>All user text, joined.</summary>
    public string UserText => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Text));

    /// <summary>Everything the model was sent, joined.</summary>
    public string AllText => string.Join("\n", Messages.Select(m => m.Text));

    /// <summary>True once the client aborted the request while the fake was still answering it.</summary>
    public bool WasAborted => _aborted.Task.IsCompleted;

    /// <summary>Completes when the client aborts the request.</summary>
    public Task Aborted => _aborted.Task;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    internal void MarkAborted() => _aborted.TrySetResult();

    private static List<RecordedMessage> ReadMessages(LlmProtocol protocol, JsonElement json)
    {
        var messages = new List<RecordedMessage>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            return messages;
        }

        if (protocol == LlmProtocol.Anthropic && json.TryGetProperty("system", out var system))
        {
            messages.Add(new RecordedMessage("system", TextOf(system)));
        }

        if (json.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in list.EnumerateArray())
            {
                var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                var text = message.TryGetProperty("content", out var content) ? TextOf(content) : "";
                messages.Add(new RecordedMessage(role, text));
            }
        }

        return messages;
    }

    // Content is a string or an array of blocks ({"type": "text", "text": ...}) in both protocols.
    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
            .Where(b => b.ValueKind == JsonValueKind.Object && b.TryGetProperty("text", out _))
            .Select(b => b.GetProperty("text").GetString())),
        _ => "",
    };
}
