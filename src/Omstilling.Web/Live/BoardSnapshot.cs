using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Directory.Model;

namespace Omstilling.Web.Live;

/// <summary>
/// The switchboard at one moment, shared by every console: the calls, who waits in the queue,
/// the operators' states and the department notices in force. Made once per change and read by
/// all consoles, so fifty consoles cost one snapshot. Immutable.
/// </summary>
/// <param name="Version">Grows by one with each snapshot.</param>
public sealed record BoardSnapshot(
    long Version,
    IReadOnlyList<CallView> Calls,
    IReadOnlyList<QueueEntry> Waiting,
    IReadOnlyList<MemberState> Operators,
    IReadOnlyList<DepartmentAbsence> Notices)
{
    public static BoardSnapshot Empty { get; } = new(0, [], [], [], []);

    public CallView? Call(Guid id) => Calls.FirstOrDefault(c => c.Id == id);

    /// <summary>The call an operator is talking on (or consulting from), if any.</summary>
    public CallView? CallOf(string op) =>
        Calls.FirstOrDefault(c => c.AnsweredBy == op) ?? Calls.FirstOrDefault(c => c.Transfer is { Kind: TransferKind.Announced } t && t.Operator == op);

    /// <summary>Calls whose phone rings at the operator's now (a queue offer or a recall), if any.</summary>
    public MemberState? Operator(string op) => Operators.FirstOrDefault(o => o.Extension == op);
}
