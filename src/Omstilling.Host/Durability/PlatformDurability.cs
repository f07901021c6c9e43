using Omstilling.Calls;
using Omstilling.Directory;
using Omstilling.History;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Operators;
using Omstilling.Storage.Registrations;

namespace Omstilling.Host.Durability;

/// <summary>
/// What a start puts right after the previous process died (docs/robustness.md, "What survives
/// kill -9"): the calls it left open in the history are closed as ended by the restart, the
/// phones' registrations and the operators' log-in and pause state are restored, and from then on
/// both are kept in the database as they change. Started after the database is migrated and the
/// engine is made, before the history writer starts and before SIP answers. Disposing it writes
/// what is left. A step that fails is contained at <c>durability.start</c> and the platform starts
/// without it (phones are then reached after their next REGISTER, as without this).
/// </summary>
internal sealed partial class PlatformDurability : IAsyncDisposable
{
    private readonly RegistrationPersistence _registrations;
    private readonly OperatorStatePersistence _operators;

    private PlatformDurability(RegistrationPersistence registrations, OperatorStatePersistence operators)
    {
        _registrations = registrations;
        _operators = operators;
    }

    public static async Task<PlatformDurability> StartAsync(OmstillingDatabase database, Pbx pbx, Func<StaffDirectory> directory, TimeProvider time, FaultMonitor faults, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pbx);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(loggers);
        var boundary = faults.Boundary("durability.start");
        var logger = loggers.CreateLogger<PlatformDurability>();
        var closed = await StepAsync(boundary, "closing the calls a stop cut off", () => new UnfinishedCalls(database, directory, loggers.CreateLogger<UnfinishedCalls>()).CloseAsync(cancellationToken));
        var registrations = new RegistrationPersistence(pbx.Registrar, new RegistrationStore(database), time, faults);
        var restored = await StepAsync(boundary, "restoring the phones' registrations", () => registrations.StartAsync(cancellationToken));
        var operators = new OperatorStatePersistence(pbx.Calls.Queues, new QueueMemberStore(database), time, faults);
        var members = await StepAsync(boundary, "restoring the operators' log-in and pause state", () => operators.StartAsync(cancellationToken));
        LogRestored(logger, restored, members, closed);
        return new PlatformDurability(registrations, operators);
    }

    public async ValueTask DisposeAsync()
    {
        await _operators.DisposeAsync();
        await _registrations.DisposeAsync();
    }

    private static async Task<int> StepAsync(FaultBoundary boundary, string what, Func<Task<int>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            boundary.Contain(e, null, what);
            return 0;
        }
    }

    [LoggerMessage(EventId = 9070, Level = LogLevel.Information, Message = "Restored after the last stop: {Registrations} registration(s), {Operators} operator(s) logged out or paused; {Closed} call(s) cut off by the stop closed in the history")]
    private static partial void LogRestored(ILogger logger, int registrations, int operators, int closed);
}
