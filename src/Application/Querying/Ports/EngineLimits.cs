namespace Kurobe.Application.Querying.Ports;

/// <summary>Limits an engine applies to a query itself (statement timeouts, session properties).</summary>
/// <param name="Timeout">
/// The query's time budget. Kurobe cancels the query when it runs out; the engine's own limit is a backstop set
/// slightly later so the cancellation, not the engine, reports the timeout.
/// </param>
public sealed record EngineLimits(TimeSpan Timeout);
