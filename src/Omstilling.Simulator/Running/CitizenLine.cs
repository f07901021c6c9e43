using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Running;

/// <summary>
/// What the citizen's side and the staff side of one scripted call tell each other: the operator's
/// and the colleague's phones learn from the caller's number which script they play, and the
/// citizen learns when an operator answered and when the last of the staff hung up (as a person
/// hears it). A caller has one call at a time (<see cref="Simulation"/> sees to that). Thread-safe.
/// </summary>
internal sealed class CitizenLine(CitizenCall call)
{
    private int _offers;
    private int _transfers;

    public CitizenCall Call { get; } = call;

    /// <summary>Completed with the operator's extension when an operator answered.</summary>
    public TaskCompletionSource<string> OperatorAnswered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when the staff side hung up for good (the operator, or the colleague it was put through to).</summary>
    public TaskCompletionSource Served { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the operator offered the call now does: the script's first offer, then its later one (a recall too).</summary>
    public OfferAnswer NextOffer() => Interlocked.Increment(ref _offers) == 1 ? Call.FirstOffer : Call.LaterOffer;

    /// <summary>The script's transfer, the first time an operator asks; null after (a call that came back is helped by the operator).</summary>
    public TransferPlan? TakeTransfer() => Call.Transfer is { } plan && Interlocked.Increment(ref _transfers) == 1 ? plan : null;
}
