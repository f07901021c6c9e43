using Omstilling.Calls.Media;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// One outbound INVITE of a call: the call rings every registered phone of the target at once
/// (parallel forking), and the first to answer wins. Each branch has its own media stream, since
/// each phone answers our offer with its own address. Owned by its <see cref="Call"/> and only
/// touched under the call's lock.
/// </summary>
internal sealed class Branch(Binding binding, LegMedia media)
{
    public Binding Binding { get; } = binding;

    public LegMedia Media { get; } = media;

    public ClientInviteTransaction? Transaction { get; set; }

    /// <summary>The dialog once the phone answered.</summary>
    public Dialog? Dialog { get; set; }

    /// <summary>The ACK we sent for its 2xx, kept to answer retransmitted 2xx (§13.2.2.4).</summary>
    public SipRequest? Ack { get; set; }

    public SipResponse? FinalResponse { get; set; }

    public bool IsDone => FinalResponse is not null;

    /// <summary>Which ringing of the call this branch belongs to (an overflow rule may ring again).</summary>
    public int Attempt { get; set; }

    /// <summary>An external number through the trunk rather than a registered phone.</summary>
    public bool ToTrunk { get; init; }

    /// <summary>The trunk challenged this INVITE and was answered with credentials (only once).</summary>
    public bool Challenged { get; set; }

    /// <summary>What the branch is for: ringing someone for the caller, or the operator's consultation call.</summary>
    public BranchPurpose Purpose { get; set; } = BranchPurpose.Ring;

    /// <summary>The extension (or external number) this branch rings.</summary>
    public string Party => Binding.Aor;

    /// <summary>A Ringing event was emitted for this branch's party; a RingEnded is owed when it stops unanswered.</summary>
    public bool Alerting { get; set; }

    /// <summary>The phone hung up or was hung up after answering: the leg is over.</summary>
    public bool Released { get; set; }
}

/// <summary>Why a call rings a phone.</summary>
internal enum BranchPurpose
{
    /// <summary>To connect the caller (a call, a queue offer, a blind transfer, a recall, a camp-on).</summary>
    Ring,

    /// <summary>The operator's call to the target of an announced transfer, while the caller waits.</summary>
    Consult,
}
