namespace Kurobe.Api.GraphQL.Errors;

/// <summary>The error of a request over the rate limits: <c>RATE_LIMITED</c> with <c>extensions.retryAfterSeconds</c>.</summary>
internal static class RateLimitErrors
{
    /// <summary>Whole seconds to wait, rounded up (never 0), as Retry-After counts them.</summary>
    public static int Seconds(TimeSpan retryAfter) => (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));

    public static KurobeError Create(int retryAfterSeconds) =>
        new(ErrorCodes.RateLimited, $"Too many requests; retry in {retryAfterSeconds} s.")
        {
            Details = new Dictionary<string, object?> { ["retryAfterSeconds"] = retryAfterSeconds },
        };
}
