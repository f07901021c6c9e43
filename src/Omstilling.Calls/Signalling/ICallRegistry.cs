using Omstilling.Calls.Events;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// What the manager does for the calls it made: finds a call by its dialogs, forgets it when it
/// ends, takes its events, makes our Contact, and tells a camp-on when a person is free.
/// Implemented by <see cref="CallManager"/>. Thread-safe.
/// </summary>
internal interface ICallRegistry
{
    /// <summary>Makes the dialog findable (before the message that creates it leaves: its answer may come on another thread at once).</summary>
    void Index(DialogId id, IDialogOwner call, CallSide side);

    void Unindex(DialogId id);

    /// <summary>The call has ended: it and its dialogs are forgotten (a late BYE then gets 481).</summary>
    void Remove(Guid callId, DialogId? callerDialog, IEnumerable<DialogId> calleeDialogs);

    /// <summary>An event of the call, posted under the call's lock, in the order it was made.</summary>
    void Publish(CallEvent e);

    /// <summary>Our Contact for a dialog with a peer at <paramref name="peer"/>.</summary>
    NameAddress ContactFor(string user, SipEndPoint peer);

    /// <summary>The call waits for the extension's calls to end (a camp-on); <see cref="Call.OnPartyFree"/> follows.</summary>
    void WaitForFree(string extension, Call call);

    void StopWaitingForFree(string extension, Call call);

    /// <summary>Whom a phone's transfer to <paramref name="number"/> reaches (a person, the switchboard, ...).</summary>
    Referral.PhoneTransferTarget ResolveTransferTarget(string number);

    /// <summary>
    /// A REFER with Replaces came in <paramref name="transferee"/>'s call (under its lock): the phone's
    /// consultation call with dialog <paramref name="replaced"/> is joined to it, outside that lock.
    /// </summary>
    void StartAttendedTransfer(Call transferee, ServerTransaction refer, Branch from, Referral.ReferRequest request, DialogId replaced);
}
