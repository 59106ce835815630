using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.IntegrationTests.Demo;

/// <summary>Runs a callback the first time a given log event is written, to act at a known point of a build.</summary>
internal sealed class CallbackLogger<T>(int triggerEventId, Action callback) : ILogger<T>
{
    private int _called;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == triggerEventId && Interlocked.Exchange(ref _called, 1) == 0)
        {
            callback();
        }
    }
}
