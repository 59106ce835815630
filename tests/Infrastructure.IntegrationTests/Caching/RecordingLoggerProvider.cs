using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.IntegrationTests.Caching;

internal sealed record LogRecord(string Category, LogLevel Level, int EventId, string Message);

/// <summary>Keeps every log event, to assert what was logged and how often.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public int Count(string categorySuffix, int eventId) =>
        _records.Count(r => r.EventId == eventId && r.Category.EndsWith(categorySuffix, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _records);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue(new LogRecord(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}
