using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>What the call manager needs of any call that owns dialogs: a bridged call or a call the platform answers itself.</summary>
internal interface IDialogOwner
{
    void OnInDialogRequest(ServerTransaction transaction, CallSide from);

    void OnAck(SipRequest ack);

    void OnStray2xx(DialogId dialogId);

    void OnCallerCancel();

    /// <summary>The server stops: every leg still up is hung up (BYE) or refused (503), and the call ends as <see cref="Omstilling.Calls.Events.CallEndReason.Shutdown"/>.</summary>
    void EndForShutdown();
}
