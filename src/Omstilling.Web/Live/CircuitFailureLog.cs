using Microsoft.Extensions.Logging;
using Omstilling.Runtime;

namespace Omstilling.Web.Live;

/// <summary>
/// Turns Blazor's report of a circuit that failed (an exception in a console's event handler or
/// rendering ends that browser's session; Blazor keeps it from the process and the other
/// circuits) into a contained failure at the boundary <c>web.circuit</c>: counted for the status
/// API and logged within the boundary's budget. The host silences the framework's own line, so a
/// page that fails for every operator cannot flood the log. Blazor reports through its logger,
/// and this provider is where that report can be had. Thread-safe.
/// </summary>
public sealed class CircuitFailureLog(Func<FaultBoundary?> boundary) : ILoggerProvider
{
    /// <summary>The framework's category that logs unhandled exceptions of circuits.</summary>
    public const string CircuitCategory = "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost";

    public ILogger CreateLogger(string categoryName) =>
        categoryName == CircuitCategory ? new Forwarder(boundary) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Forwarder(Func<FaultBoundary?> boundary) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                // Null until the platform is made: no circuit exists before then.
                boundary()?.Contain(exception, eventId.Name ?? "circuit", "a console's session (the browser offers a reload)");
            }
        }
    }
}
