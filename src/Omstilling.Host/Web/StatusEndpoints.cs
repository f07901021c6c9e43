using Omstilling.Calls;

namespace Omstilling.Host.Web;

/// <summary>
/// The web API's first endpoints: a health probe for load balancers and installers, and a status
/// summary. The console, self-service and admin arrive with the switchboard issue.
/// </summary>
internal static class StatusEndpoints
{
    public static void Map(WebApplication app, Pbx pbx, Omstilling.Media.Clock.MediaClock clock, Omstilling.Sip.Transactions.SipStack stack, CallEventLog events, Omstilling.Runtime.FaultMonitor faults, bool diagnostics)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        api.MapGet("/status", () => Results.Ok(new
        {
            registrations = pbx.Registrar.Bindings.Count,
            activeCalls = pbx.Calls.ActiveCalls,
            serverTransactions = stack.ServerTransactionCount,
            clientTransactions = stack.ClientTransactionCount,
            malformedMessages = stack.MalformedCount,

            // Failures contained at each boundary since start (docs/robustness.md): 0 everywhere on a healthy server.
            faults = faults.Counts().ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            faultsTotal = faults.Total,
            mediaStreams = pbx.Media.StreamCount,
            mediaClockSenders = clock.Count,
            mediaClockLateTicks = clock.LateTicks,
            managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            garbageCollections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
            garbageCollectionPauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
            workingSetBytes = Environment.WorkingSet,
            trunk = pbx.TrunkRegistration is { } trunk
                ? new { registered = trunk.IsRegistered, registeredUntil = trunk.RegisteredUntil, lastStatus = trunk.LastStatus }
                : null,
        }));
        if (diagnostics)
        {
            // What registrations really hold, without the garbage a collector has not reached yet.
            api.MapPost("/diagnostics/gc", () =>
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                return Results.Ok(new { managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false), registrations = pbx.Registrar.Bindings.Count });
            });
        }

        api.MapGet("/calls/events", () => Results.Ok(events.Recent().Select(e => new
        {
            callId = e.CallId,
            kind = e.Kind.ToString(),
            at = e.At,
            caller = e.Caller,
            dialled = e.Dialled,
            answeredBy = e.AnsweredBy,
            endReason = e.EndReason?.ToString(),
            status = e.Status,
            digit = e.Digit?.ToString(),
            detail = e.Detail,
            party = e.Party,
            @operator = e.Operator,
        })));
    }
}
