using Kurobe.Application.Common.Security;

namespace Kurobe.Application.Identity.Ports;

/// <summary>Whether a request may go ahead now, or when to retry.</summary>
public readonly record struct ThrottleDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static ThrottleDecision Allow { get; } = new(true, TimeSpan.Zero);

    public static ThrottleDecision Deny(TimeSpan retryAfter) => new(false, retryAfter);
}

/// <summary>Rate limits: each request counts against its principal and its tenant (or, before login, its address).</summary>
public interface IRequestThrottle
{
    ValueTask<ThrottleDecision> AcquireAsync(Principal? principal, string? clientAddress, CancellationToken cancellationToken);
}
