using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Running;

/// <summary>
/// What the citizen's side and the staff side of one scripted call tell each other: the operator's
/// and the colleagues' phones learn from the caller's number which script they play, and the
/// citizen learns when an operator (or the member of staff they dialled) answered and when the
/// last of the staff hung up (as a person hears it). A caller has one call at a time (<see cref="Simulation"/> sees to that). Thread-safe.
/// </summary>
internal sealed class CitizenLine(CitizenCall call)
{
    private int _offers;
    private int _transfers;
    private int _directRings;

    public CitizenCall Call { get; } = call;

    /// <summary>Completed with the operator's extension when an operator answered.</summary>
    public TaskCompletionSource<string> OperatorAnswered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed with the extension when the member of staff whose direct number was dialled answered it.</summary>
    public TaskCompletionSource<string> StaffAnswered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when the staff side hung up for good (the operator, or the colleague it was put through to).</summary>
    public TaskCompletionSource Served { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the operator offered the call now does: the script's first offer, then its later one (a recall too).</summary>
    public OfferAnswer NextOffer() => Interlocked.Increment(ref _offers) == 1 ? Call.FirstOffer : Call.LaterOffer;

    /// <summary>
    /// The script's direct call, the first time the dialled member of staff's phone rings; null
    /// after (the same phone rung again is a transfer to them).
    /// </summary>
    public DirectPlan? TakeDirect(string extension) =>
        Call.Direct is { } plan && plan.Extension == extension && Interlocked.Increment(ref _directRings) == 1 ? plan : null;

    /// <summary>The script's transfer, the first time an operator asks; null after (a call that came back is helped by the operator).</summary>
    public TransferPlan? TakeTransfer() => Call.Transfer is { } plan && Interlocked.Increment(ref _transfers) == 1 ? plan : null;
}
