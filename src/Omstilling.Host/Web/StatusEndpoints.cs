using Omstilling.Host.Server;
using Omstilling.Web.Auth;

namespace Omstilling.Host.Web;

/// <summary>
/// The server's own endpoints: a health probe for load balancers and installers (open), the
/// status summary and the diagnostics for administrators or on the management listener, and the
/// recent call events (every caller's number: personal data) for administrators only.
/// </summary>
internal static class StatusEndpoints
{
    public static void Map(WebApplication app, ServerParts parts, ServerReadiness readiness)
    {
        var (pbx, clock, stack, events, history, faults) = (parts.Pbx, parts.Clock, parts.Stack, parts.RecentEvents, parts.History, parts.Faults);
        var api = app.MapGroup("/api");

        // Ready (200) only once SIP, media and the web all listen and SIP answers; 503 while it starts and while it drains at the stop.
        api.MapGet("/health", () => readiness.State == ServerState.Ready
            ? Results.Ok(new { status = ServerReadiness.Word(ServerState.Ready) })
            : Results.Json(new { status = ServerReadiness.Word(readiness.State) }, statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous().ServedOnManagementListener();
        api.MapGet("/status", () => Results.Ok(new
        {
            registrations = pbx.Registrar.Bindings.Count,
            activeCalls = pbx.Calls.ActiveCalls,
            serverTransactions = stack.ServerTransactionCount,
            clientTransactions = stack.ClientTransactionCount,
            malformedMessages = stack.MalformedCount,

            // The abuse limits (docs/security.md): new calls routed or ringing (503 past --max-calls-in-setup), addresses blocked now.
            callsInSetup = stack.Setup.InSetup,
            blockedAddresses = stack.Guard?.BlockedCount ?? 0,
            callEventsDropped = pbx.Events.Dropped,

            // The call history's writer (docs/history.md): dropped and lost stay 0 on a healthy server.
            history = history.Status,

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
        })).RequireAuthorization(AccessPolicies.AdminOrManagement).ServedOnManagementListener();
        if (parts.Options.Diagnostics)
        {
            // What registrations really hold, without the garbage a collector has not reached yet.
            api.MapPost("/diagnostics/gc", () =>
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                return Results.Ok(new { managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false), registrations = pbx.Registrar.Bindings.Count });
            }).RequireAuthorization(AccessPolicies.AdminOrManagement).ServedOnManagementListener();
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
            detail = e.Describe(),
            party = e.Party,
            @operator = e.Operator,
            decision = e.Decision?.ToString(),
            rule = e.Rule?.ToString(),
            target = e.Target,
            routeFailure = e.RouteFailure?.ToString(),
            menuId = e.MenuId,
            menuOption = e.MenuOption,
            choiceOutcome = e.ChoiceOutcome?.ToString(),
            queueId = e.QueueId,
            position = e.Position,
            waitedSeconds = e.Waited?.TotalSeconds,
            members = e.Members,
            transfer = e.Transfer?.ToString(),
            outcome = e.Outcome?.ToString(),
            ringEnd = e.RingEnd?.ToString(),
            voicemailBox = e.VoicemailBox,
            recording = e.Recording,
        }))).RequireAuthorization(AccessPolicies.Admin);
    }
}
