using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Omstilling.Sip.Tests.Support;

/// <summary>A logger that keeps each formatted message with its event id, as the console would print it.</summary>
internal sealed class LogLines<T> : ILogger<T>
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

    public IEnumerable<string> Messages => Entries.Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}
