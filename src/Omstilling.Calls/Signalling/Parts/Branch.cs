using Omstilling.Calls.Media;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>The life of one outbound INVITE (RFC 3261 §13.2, §15).</summary>
internal enum BranchState
{
    /// <summary>The INVITE is out; no final response yet (the phone may ring: 180/183). Cancelling leaves it here until the 487.</summary>
    Calling,

    /// <summary>A final refusal came (3xx-6xx, a 487 after our CANCEL included).</summary>
    Refused,

    /// <summary>A 2xx came and was acknowledged: a confirmed dialog.</summary>
    Answered,

    /// <summary>An answered leg was hung up (our BYE or the phone's).</summary>
    Released,

    /// <summary>
    /// The answered leg went on in another call (an attended transfer from a phone joined its person
    /// to the transferred caller): that call's branch has the dialog and the stream now, and this
    /// call neither hangs it up nor closes its stream.
    /// </summary>
    HandedOver,
}

/// <summary>
/// One outbound INVITE of a <see cref="RingGroup"/>: a registered phone of a target, or the trunk
/// for an external number. Each branch has its own media stream, since each phone answers our
/// offer with its own address. Owned by its call and only touched under the call's lock.
/// </summary>
internal sealed class Branch(Binding binding, LegMedia media, RingGroup group, bool toTrunk)
{
    public Binding Binding { get; } = binding;

    public LegMedia Media { get; } = media;

    /// <summary>The ringing this branch belongs to.</summary>
    public RingGroup Group { get; } = group;

    /// <summary>An external number through the trunk rather than a registered phone.</summary>
    public bool ToTrunk { get; } = toTrunk;

    public BranchState State { get; private set; }

    /// <summary>The extension (or external number) this branch rings.</summary>
    public string Party => Binding.Aor;

    public ClientInviteTransaction? Transaction { get; set; }

    /// <summary>The dialog once the phone answered.</summary>
    public Dialog? Dialog { get; private set; }

    /// <summary>The ACK we sent for its 2xx, kept to answer retransmitted 2xx (§13.2.2.4).</summary>
    public SipRequest? Ack { get; private set; }

    public SipResponse? FinalResponse { get; private set; }

    /// <summary>No longer calling: refused, answered or released.</summary>
    public bool IsDone => State != BranchState.Calling;

    /// <summary>The trunk challenged this INVITE and was answered with credentials (only once).</summary>
    public bool Challenged { get; set; }

    /// <summary>A Ringing event was emitted for this branch's party; a RingEnded is owed when it stops unanswered.</summary>
    public bool Alerting { get; set; }

    /// <summary>A final refusal: <see cref="BranchState.Calling"/> to <see cref="BranchState.Refused"/>.</summary>
    public void Refused(SipResponse response)
    {
        To(BranchState.Refused, BranchState.Calling);
        FinalResponse = response;
    }

    /// <summary>The 2xx of the dialog, acknowledged with <paramref name="ack"/>: <see cref="BranchState.Calling"/> to <see cref="BranchState.Answered"/>.</summary>
    public void Answered(SipResponse response, Dialog dialog, SipRequest ack)
    {
        To(BranchState.Answered, BranchState.Calling);
        FinalResponse = response;
        Dialog = dialog;
        Ack = ack;
    }

    /// <summary>The answered leg was hung up, by either side.</summary>
    public void Released() => To(BranchState.Released, BranchState.Answered);

    /// <summary>
    /// <see cref="BranchState.Answered"/> to <see cref="BranchState.HandedOver"/>: the same leg (its
    /// dialog, stream and ACK) as an answered branch of <paramref name="group"/>, another call's.
    /// </summary>
    public Branch HandOver(RingGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        To(BranchState.HandedOver, BranchState.Answered);
        var adopted = new Branch(Binding, Media, group, ToTrunk) { Transaction = Transaction };
        adopted.Answered(FinalResponse!, Dialog!, Ack!);
        group.Add(adopted);
        return adopted;
    }

    private void To(BranchState next, BranchState from)
    {
        if (State != from)
        {
            throw new InvalidOperationException($"A branch cannot go from {State} to {next}.");
        }

        State = next;
    }
}
