using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>Keeps every message logged, with its event id.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(int EventId, string Message)> Entries { get; } = new();

    public string All => string.Join('\n', Entries.Select(e => $"{e.EventId} {e.Message}"));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((eventId.Id, formatter(state, exception) + (exception is null ? "" : " " + exception)));
}
