using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// One outbound INVITE of a call: the call rings every registered phone of the target at once
/// (parallel forking), and the first to answer wins. Owned by its <see cref="Call"/> and only
/// touched under the call's lock.
/// </summary>
internal sealed class Branch(Binding binding)
{
    public Binding Binding { get; } = binding;

    public ClientInviteTransaction? Transaction { get; set; }

    /// <summary>The dialog once the phone answered (or sent a tagged provisional).</summary>
    public Dialog? Dialog { get; set; }

    /// <summary>The ACK we sent for its 2xx, kept to answer retransmitted 2xx (§13.2.2.4).</summary>
    public SipRequest? Ack { get; set; }

    public SipResponse? FinalResponse { get; set; }

    public bool IsDone => FinalResponse is not null;
}
