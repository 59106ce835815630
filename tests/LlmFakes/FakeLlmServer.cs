using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kurobe.LlmFakes;

/// <summary>
/// A language-model provider on 127.0.0.1 speaking two wire protocols: OpenAI's chat completions
/// (<c>POST /v1/chat/completions</c>, also <c>/chat/completions</c> for servers mounted without <c>/v1</c>) and
/// Anthropic's messages (<c>POST /v1/messages</c>, which needs <c>anthropic-version</c> and <c>max_tokens</c>).
/// Each request takes the next scripted <see cref="FakeReply"/> and gets it in the protocol's own shape: ids, choices
/// or content blocks, usage, finish or stop reasons, and errors as <c>{"error": {...}}</c> with their status codes and
/// <c>retry-after</c> on 429. Every request is recorded with its headers and body.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentQueue<RecordedLlmRequest> _requests = new();
    private WebApplication? _app;
    private int _sequence;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The endpoint an OpenAI client is configured with: the base URI plus <c>v1</c>.</summary>
    public Uri OpenAiEndpoint => new(BaseUri, "v1");

    /// <summary>The endpoint an Anthropic client is configured with: the base URI.</summary>
    public Uri AnthropicEndpoint => BaseUri;

    /// <summary>
    /// When set, OpenAI requests must carry <c>Authorization: Bearer</c> with it and Anthropic requests
    /// <c>x-api-key</c> (or <c>Authorization: Bearer</c>), or they get 401.
    /// </summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>Requests in the order they arrived.</summary>
    public IReadOnlyList<RecordedLlmRequest> Requests => [.. _requests];

    /// <summary>Scripted replies not yet used.</summary>
    public int PendingReplies => _replies.Count;

    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return BaseUri;
    }

    /// <summary>Queues replies, answered in order, one per request.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        LlmProtocol? protocol = (request.Method, path.TrimEnd('/')) switch
        {
            ("POST", "/v1/chat/completions" or "/chat/completions") => LlmProtocol.OpenAi,
            ("POST", "/v1/messages") => LlmProtocol.Anthropic,
            _ => null,
        };
        if (protocol is null)
        {
            await ErrorAsync(context, LlmProtocol.OpenAi, 404, $"Unknown request URL: {request.Method} {path}.", null);
            return;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var recorded = new RecordedLlmRequest(protocol.Value, path, headers, body, DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);

        if (!Authorized(protocol.Value, recorded))
        {
            await ErrorAsync(context, protocol.Value, 401, protocol == LlmProtocol.OpenAi ? "Incorrect API key provided." : "invalid x-api-key", null);
            return;
        }

        if (Invalid(protocol.Value, recorded) is { } problem)
        {
            await ErrorAsync(context, protocol.Value, 400, problem, null);
            return;
        }

        if (!_replies.TryDequeue(out var reply))
        {
            await ErrorAsync(context, protocol.Value, 400, "The fake server has no scripted reply left for this request.", null);
            return;
        }

        if (reply.Hang || reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Hang ? Timeout.InfiniteTimeSpan : reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                recorded.MarkAborted();
                return;
            }
        }

        if (reply.IsError)
        {
            var message = reply.EchoApiKey ? $"{reply.ErrorMessage} Key used: {KeyOf(protocol.Value, recorded)}" : reply.ErrorMessage!;
            await ErrorAsync(context, protocol.Value, reply.Status, message, reply.RetryAfterSeconds);
            return;
        }

        var sequence = Interlocked.Increment(ref _sequence);
        var model = recorded.Model ?? "unknown";
        if (protocol == LlmProtocol.OpenAi)
        {
            await OpenAiCompletionAsync(context, sequence, model, reply);
        }
        else
        {
            await AnthropicMessageAsync(context, sequence, model, reply);
        }
    }

    private bool Authorized(LlmProtocol protocol, RecordedLlmRequest request) =>
        RequiredApiKey is null || KeyOf(protocol, request) == RequiredApiKey;

    // OpenAI takes the key as a bearer token; Anthropic as x-api-key, or as a bearer token, which its SDK sends
    // from the 2026 API versions on.
    private static string? KeyOf(LlmProtocol protocol, RecordedLlmRequest request)
    {
        var bearer = request.Header("authorization") is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        return protocol == LlmProtocol.Anthropic ? request.Header("x-api-key") ?? bearer : bearer;
    }

    private static string? Invalid(LlmProtocol protocol, RecordedLlmRequest request)
    {
        var json = request.Json;
        if (json.ValueKind != JsonValueKind.Object)
        {
            return "We could not parse the JSON body of your request.";
        }

        if (!json.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            return protocol == LlmProtocol.OpenAi ? "you must provide a model parameter" : "model: Field required";
        }

        if (!json.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return protocol == LlmProtocol.OpenAi ? "[] is too short - 'messages'" : "messages: Field required";
        }

        if (json.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            return "The fake server answers without streaming only.";
        }

        if (protocol == LlmProtocol.Anthropic)
        {
            if (request.Header("anthropic-version") is null)
            {
                return "anthropic-version: header is required";
            }

            if (!json.TryGetProperty("max_tokens", out var maxTokens) || maxTokens.ValueKind != JsonValueKind.Number)
            {
                return "max_tokens: Field required";
            }

            if (messages.EnumerateArray().Any(m => m.TryGetProperty("role", out var role) && role.GetString() == "system"))
            {
                return "messages: Unexpected role \"system\". The Messages API accepts a top-level `system` parameter, not \"system\" as an input message role.";
            }
        }

        return null;
    }

    private static async Task OpenAiCompletionAsync(HttpContext context, int sequence, string model, FakeReply reply)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-request-id"] = $"req_fake{sequence:0000}";
        context.Response.Headers["openai-processing-ms"] = "12";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", $"chatcmpl-fake{sequence:000000}");
        writer.WriteString("object", "chat.completion");
        writer.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        writer.WriteString("model", model);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("message");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", reply.Text);
        writer.WriteNull("refusal");
        writer.WriteStartArray("annotations");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteNull("logprobs");
        writer.WriteString("finish_reason", "stop");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", reply.InputTokens);
        writer.WriteNumber("completion_tokens", reply.OutputTokens);
        writer.WriteNumber("total_tokens", reply.InputTokens + reply.OutputTokens);
        writer.WriteStartObject("prompt_tokens_details");
        writer.WriteNumber("cached_tokens", 0);
        writer.WriteNumber("audio_tokens", 0);
        writer.WriteEndObject();
        writer.WriteStartObject("completion_tokens_details");
        writer.WriteNumber("reasoning_tokens", 0);
        writer.WriteNumber("audio_tokens", 0);
        writer.WriteNumber("accepted_prediction_tokens", 0);
        writer.WriteNumber("rejected_prediction_tokens", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("service_tier", "default");
        writer.WriteString("system_fingerprint", "fp_fake");
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static async Task AnthropicMessageAsync(HttpContext context, int sequence, string model, FakeReply reply)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.Headers["request-id"] = $"req_fake{sequence:0000}";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", $"msg_fake{sequence:000000}");
        writer.WriteString("type", "message");
        writer.WriteString("role", "assistant");
        writer.WriteString("model", model);
        writer.WriteStartArray("content");
        writer.WriteStartObject();
        writer.WriteString("type", "text");
        writer.WriteString("text", reply.Text);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("stop_reason", "end_turn");
        writer.WriteNull("stop_sequence");
        writer.WriteStartObject("usage");
        writer.WriteNumber("input_tokens", reply.InputTokens);
        writer.WriteNumber("output_tokens", reply.OutputTokens);
        writer.WriteNumber("cache_creation_input_tokens", 0);
        writer.WriteNumber("cache_read_input_tokens", 0);
        writer.WriteString("service_tier", "standard");
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static async Task ErrorAsync(HttpContext context, LlmProtocol protocol, int status, string message, int? retryAfterSeconds)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        if (protocol == LlmProtocol.OpenAi)
        {
            context.Response.Headers["x-request-id"] = "req_fake_error";
            var (type, code) = status switch
            {
                401 => ("invalid_request_error", "invalid_api_key"),
                404 => ("invalid_request_error", "unknown_url"),
                429 => ("requests", "rate_limit_exceeded"),
                >= 500 => ("server_error", (string?)null),
                _ => ("invalid_request_error", null),
            };
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            writer.WriteNull("param");
            if (code is null)
            {
                writer.WriteNull("code");
            }
            else
            {
                writer.WriteString("code", code);
            }

            writer.WriteEndObject();
        }
        else
        {
            context.Response.Headers["request-id"] = "req_fake_error";
            var type = status switch
            {
                400 => "invalid_request_error",
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                413 => "request_too_large",
                429 => "rate_limit_error",
                529 => "overloaded_error",
                _ => "api_error",
            };
            writer.WriteString("type", "error");
            writer.WriteStartObject("error");
            writer.WriteString("type", type);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteString("request_id", "req_fake_error");
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
