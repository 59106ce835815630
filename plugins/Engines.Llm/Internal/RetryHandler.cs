using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Kurobe.Engines.Llm.Internal;

/// <summary>What the HTTP layer saw during one model call, for the error message when it fails.</summary>
internal sealed class ModelCallState
{
    private static readonly AsyncLocal<ModelCallState?> CurrentState = new();

    public static ModelCallState? Current => CurrentState.Value;

    public int Attempts { get; private set; }

    public HttpStatusCode? LastStatus { get; private set; }

    /// <summary>Starts tracking the call made from the current async flow.</summary>
    public static ModelCallState Begin() => CurrentState.Value = new ModelCallState();

    public void Record(HttpStatusCode? status)
    {
        Attempts++;
        LastStatus = status;
    }
}

/// <summary>
/// Retries 429 and 5xx answers with exponential back-off and jitter, waiting what <c>retry-after-ms</c> or
/// <c>Retry-After</c> asks for when the server says. The SDKs' own retries are switched off so that every provider
/// behaves the same and waits on the host's clock.
/// </summary>
internal sealed class RetryHandler(int maxRetries, TimeProvider timeProvider, ILogger logger, string provider) : DelegatingHandler
{
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Buffered content can be sent again on a retry.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var call = ModelCallState.Current;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                call?.Record(null);
                throw;
            }

            call?.Record(response.StatusCode);
            if (!IsTransient(response.StatusCode) || attempt >= maxRetries)
            {
                return response;
            }

            var delay = DelayFor(response, attempt);
            logger.RetryingModelCall(provider, (int)response.StatusCode, attempt + 1, maxRetries, delay.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan DelayFor(HttpResponseMessage response, int attempt)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return Min(TimeSpan.FromMilliseconds(milliseconds));
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return Min(delta);
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - timeProvider.GetUtcNow();
                return Min(wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
            }
        }

        // Exponential with jitter: 0.5 s, 1 s, 2 s ... each scaled by a random factor from 0.5 to 1.5.
#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
        var factor = 0.5 + Random.Shared.NextDouble();
#pragma warning restore CA5394
        return Min(BaseDelay * Math.Pow(2, attempt) * factor);
    }

    private static TimeSpan Min(TimeSpan delay) => delay < MaxDelay ? delay : MaxDelay;
}
