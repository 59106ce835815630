using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Anthropic;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.TextToSql;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>The text a model answered and what the call used.</summary>
internal sealed record ModelReply(string Text, ModelUsage Usage);

/// <summary>
/// One profile's model behind Microsoft.Extensions.AI's <see cref="IChatClient"/>: the provider SDK's client over an
/// HTTP client that retries, wrapped to emit GenAI spans. Bounds each call by the profile's timeout and turns provider
/// failures into errors that never carry the API key.
/// </summary>
internal sealed class ModelClient : IDisposable
{
    public const string TelemetrySourceName = "Kurobe.Engines.Llm";

    private readonly LlmSettings _settings;
    private readonly string _provider;
    private readonly string? _apiKey;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly IChatClient _chat;

    private ModelClient(LlmSettings settings, string provider, string? apiKey, EngineContext context, HttpMessageHandler? transport)
    {
        _settings = settings;
        _provider = provider;
        _apiKey = apiKey;
        _timeProvider = context.TimeProvider;
        _logger = context.LoggerFactory.CreateLogger("Kurobe.Engines.Llm");
        var retry = new RetryHandler(settings.MaxRetries, context.TimeProvider, _logger, provider)
        {
            InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };

        // The profile's timeout bounds a call; the SDKs' own limits sit behind it so that ours decides.
        _http = new HttpClient(retry) { Timeout = Timeout.InfiniteTimeSpan };
        var sdkTimeout = settings.Timeout + TimeSpan.FromSeconds(30);
        var inner = settings.Api == LlmApi.Anthropic
            ? CreateAnthropic(settings, apiKey, _http, sdkTimeout)
            : CreateOpenAi(settings, apiKey, _http, sdkTimeout);
        // Failures are made safe beneath the telemetry layer, which logs and traces the exceptions it sees.
        _chat = inner.AsBuilder()
            .UseOpenTelemetry(context.LoggerFactory, TelemetrySourceName)
            .Use(client => new SafeFailureChatClient(client, this))
            .Build();
    }

    /// <summary>Creates the client, reading the key from the environment variable the settings name.</summary>
    /// <param name="transport">The innermost HTTP handler; tests may pass one, the host never does.</param>
    public static ModelClient Create(LlmSettings settings, string provider, EngineContext context, Func<string, string?>? environment = null, HttpMessageHandler? transport = null)
    {
        var apiKey = settings.ReadApiKey(provider, environment ?? Environment.GetEnvironmentVariable);
        return new ModelClient(settings, provider, apiKey, context, transport);
    }

    public LlmSettings Settings => _settings;

    public ILogger Logger => _logger;

    /// <summary>Sends the messages and returns the answer's text.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled; the HTTP request is aborted.</exception>
    /// <exception cref="TimeoutException">No answer within the profile's <c>timeout_seconds</c>.</exception>
    /// <exception cref="ModelCallFailedException">The provider failed, after retries where they apply.</exception>
    public async Task<ModelReply> CompleteAsync(IReadOnlyList<ChatMessage> messages, bool json, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            ModelId = _settings.Model,
            Temperature = _settings.Temperature,
            MaxOutputTokens = _settings.MaxOutputTokens,
            ResponseFormat = json && _settings.Api == LlmApi.OpenAi ? Microsoft.Extensions.AI.ChatResponseFormat.Json : null,
        };

        using var timeout = new CancellationTokenSource(_settings.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var call = ModelCallState.Begin();
        var started = _timeProvider.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await _chat.GetResponseAsync(messages, options, linked.Token).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            _logger.ModelCallTimedOut(_provider, _settings.Timeout.TotalSeconds);
            throw new TimeoutException($"The {_provider} model '{_settings.Model}' did not answer within {_settings.Timeout.TotalSeconds:0.###} s (timeout_seconds).");
        }
        catch (ModelCallFailedException ex)
        {
            _logger.ModelCallFailed(_provider, ex.Message);
            throw;
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        var inputTokens = response.Usage?.InputTokenCount ?? 0;
        var outputTokens = response.Usage?.OutputTokenCount ?? 0;
        var usage = new ModelUsage(response.ModelId ?? _settings.Model, inputTokens, outputTokens, _settings.Prices?.CostOf(inputTokens, outputTokens));
        _logger.ModelAnswered(usage.Model, elapsed.TotalMilliseconds, call.Attempts, inputTokens, outputTokens, usage.CostUsd);
        return new ModelReply(response.Text ?? "", usage);
    }

    public void Dispose()
    {
        _chat.Dispose();
        _http.Dispose();
    }

    internal ModelCallFailedException FailureOf(Exception ex) =>
        new($"The {_provider} model '{_settings.Model}' failed: {Describe(ex, ModelCallState.Current ?? new ModelCallState())}");

    private string Describe(Exception ex, ModelCallState call)
    {
        var attempts = call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
        var detail = Redact(FirstLine(ex.Message));
        if (call.LastStatus is { } status)
        {
            var retried = RetryHandler.IsTransient(status) ? $" after {attempts}" : "";
            return $"HTTP {(int)status} {StatusName(status)}{retried}: {detail}";
        }

        return Chain(ex).OfType<HttpRequestException>().FirstOrDefault() is { } unreachable
            ? $"{_settings.Endpoint.GetLeftPart(UriPartial.Authority)} could not be reached: {Redact(FirstLine(unreachable.Message))}"
            : $"{ex.GetType().Name}: {detail}";
    }

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static string StatusName(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.NotFound => "Not Found",
        _ => status.ToString(),
    };

    private static string FirstLine(string message)
    {
        var text = message.ReplaceLineEndings(" ").Trim();
        return text.Length <= 500 ? text : text[..500] + "...";
    }

    // A provider may echo the key it was sent in an error body; it must not reach our messages or logs.
    private string Redact(string text) =>
        string.IsNullOrEmpty(_apiKey) ? text : text.Replace(_apiKey, "[redacted]", StringComparison.Ordinal);

    private static IChatClient CreateAnthropic(LlmSettings settings, string? apiKey, HttpClient http, TimeSpan sdkTimeout)
    {
        var client = new AnthropicClient
        {
            ApiKey = apiKey,
            BaseUrl = settings.Endpoint.AbsoluteUri.TrimEnd('/'),
            HttpClient = http,
            MaxRetries = 0,
            Timeout = sdkTimeout,
        };
        return client.AsIChatClient(settings.Model, settings.MaxOutputTokens);
    }

    private static IChatClient CreateOpenAi(LlmSettings settings, string? apiKey, HttpClient http, TimeSpan sdkTimeout)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = sdkTimeout,
        };

        // Local OpenAI-compatible servers often need no key; the SDK insists on one, which they ignore.
        var credential = new ApiKeyCredential(apiKey ?? "not-needed");
        return new ChatClient(settings.Model, credential, options).AsIChatClient();
    }
}

/// <summary>
/// Replaces an SDK's exception by one whose message says what failed without the API key (a provider may echo it in
/// its error body) and without the SDK's exception as inner exception, so neither logs nor traces can carry it.
/// </summary>
internal sealed class SafeFailureChatClient(IChatClient inner, ModelClient owner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw owner.FailureOf(ex);
        }
    }
}

/// <summary>The provider failed; the message says how, and never carries the API key.</summary>
internal sealed class ModelCallFailedException : Exception
{
    public ModelCallFailedException()
    {
    }

    public ModelCallFailedException(string message)
        : base(message)
    {
    }

    public ModelCallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
