using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Runtime;
using Omstilling.Web.Live;

namespace Omstilling.Host.Tests.Robustness;

public sealed class CircuitFailureLogTests
{
    [Fact]
    public void A_circuits_unhandled_exception_is_contained_at_the_web_circuit_boundary_and_nothing_else_is()
    {
        var boundary = new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System).Boundary("web.circuit");
        using var provider = new CircuitFailureLog(() => boundary);

        Report(provider.CreateLogger(CircuitFailureLog.CircuitCategory), LogLevel.Error, new InvalidOperationException("a handler's bug"));
        Report(provider.CreateLogger(CircuitFailureLog.CircuitCategory), LogLevel.Warning, new InvalidOperationException());
        Report(provider.CreateLogger(CircuitFailureLog.CircuitCategory), LogLevel.Error, null);
        Report(provider.CreateLogger("Microsoft.AspNetCore.Routing"), LogLevel.Error, new InvalidOperationException());

        Assert.Equal(1, boundary.Count);
    }

    [Fact]
    public void Before_the_platform_is_made_a_report_is_dropped_not_thrown()
    {
        using var provider = new CircuitFailureLog(() => null);

        Report(provider.CreateLogger(CircuitFailureLog.CircuitCategory), LogLevel.Error, new InvalidOperationException());
    }

    /// <summary>As the framework logs: one entry with its level and exception.</summary>
    private static void Report(ILogger logger, LogLevel level, Exception? exception) =>
        logger.Log(level, new EventId(111, "CircuitUnhandledException"), "Unhandled exception in circuit", exception, (state, _) => state);
}
