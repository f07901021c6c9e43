using System.Diagnostics;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// One call of a simulated phone, either direction: its phase (<see cref="CallPhase"/>), its dialog
/// once answered, its media, and the two things a driver waits for: <see cref="Answered"/> and
/// <see cref="Ended"/>. Thread-safe: every change happens under the call's lock (SIP arrives on the
/// stack's receive threads, commands from the driver's tasks); the tasks complete outside it, and
/// their continuations run asynchronously.
/// </summary>
public abstract partial class SimulatedCall
{
    private readonly TaskCompletionSource<bool> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CallEnding> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected SimulatedCall(SimulatedPhone phone, string callId)
    {
        Phone = phone;
        CallId = callId;
        Network = phone.Network;
        Media = new CallMedia(Network.MediaServer);
        Network.Track(this);
    }

    /// <summary>The phone this call belongs to.</summary>
    public SimulatedPhone Phone { get; }

    public string CallId { get; }

    /// <summary>True once answered (outgoing: a 2xx; incoming: our 200 acknowledged); false if the call ended before.</summary>
    public Task<bool> Answered => _answered.Task;

    /// <summary>How the call ended; completes once, when it is over.</summary>
    public Task<CallEnding> Ended => _ended.Task;

    /// <summary>The final non-2xx status that refused the call (sent or received); null otherwise.</summary>
    public int? RefusedStatus { get; private protected set; }

    /// <summary>The digits the other side sent (RFC 4733 events, or SIP INFO), in order.</summary>
    public IReadOnlyList<char> DigitsHeard => Media.Digits;

    /// <summary>RTP packets received on the call's stream.</summary>
    public long PacketsReceived => Media.Stream.PacketsReceived;

    /// <summary>RTP packets (audio and events) sent on the call's stream.</summary>
    public long PacketsSent => Media.Stream.PacketsSent;

    private protected PhoneNetwork Network { get; }

    private protected CallMedia Media { get; }

    private protected Lock Sync { get; } = new();

    private protected CallPhase Phase { get; private set; }

    /// <summary>The dialog, once the call is answered (or early, for an outgoing call's 1xx).</summary>
    private protected Dialog? Dialog { get; set; }

    /// <summary>Sends digits as RFC 4733 events (the Media project's DtmfSender); completes when the last packet went.</summary>
    public Task SendDigitsAsync(string digits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digits);
        lock (Sync)
        {
            if (Phase != CallPhase.Talking)
            {
                throw new InvalidOperationException($"Digits are sent while the call talks; it is {Phase}.");
            }
        }

        return Media.SendDigitsAsync(digits, cancellationToken);
    }

    /// <summary>
    /// Hangs up: before the answer the caller cancels (CANCEL) and the called phone refuses (486);
    /// after it, BYE. Completes when the other side confirmed (or the request timed out, 64*T1).
    /// </summary>
    public async Task HangUpAsync(CancellationToken cancellationToken)
    {
        bool acknowledging;
        lock (Sync)
        {
            acknowledging = Phase == CallPhase.Accepting;
        }

        // §15: no BYE before the ACK of our 200 (or its timeout, which ends the call).
        if (acknowledging)
        {
            await Answered.WaitAsync(cancellationToken);
        }

        CallEnding? over;
        lock (Sync)
        {
            over = StartHangingUp();
        }

        if (over is { } ending)
        {
            Finish(ending);
        }

        await Ended.WaitAsync(cancellationToken);
    }

    /// <summary>The network stops: whatever is up is hung up or refused without waiting, and the call ends as failed.</summary>
    internal void Abandon()
    {
        lock (Sync)
        {
            StartHangingUp();
        }

        Finish(CallEnding.Failed);
    }

    /// <summary>Gives up the unanswered call (under the lock); the ending when that already ended it.</summary>
    private protected abstract CallEnding? HangUpUnanswered();

    /// <summary>Starts hanging up, under the lock; the ending when the call is over at once, null when it waits for the other side (or is over already).</summary>
    private CallEnding? StartHangingUp()
    {
        switch (Phase)
        {
            case CallPhase.Setup or CallPhase.Early:
                return HangUpUnanswered();
            case CallPhase.Talking:
                SendBye(CallEnding.HungUpHere);
                return null;
            case CallPhase.Accepting or CallPhase.Ending or CallPhase.Ended:
                return null;
            default:
                throw new UnreachableException($"CallPhase {Phase}");
        }
    }

    /// <summary>
    /// Moves the phase forward, under the lock; false (nothing changes) when <paramref name="next"/>
    /// does not follow from where the call is, which is how a late or repeated message is ignored.
    /// </summary>
    private protected bool MoveTo(CallPhase next)
    {
        var from = Phase;
        var allowed = from switch
        {
            CallPhase.Setup => next is not CallPhase.Setup,
            CallPhase.Early => next is CallPhase.Accepting or CallPhase.Talking or CallPhase.Ending or CallPhase.Ended,
            CallPhase.Accepting => next is CallPhase.Talking or CallPhase.Ending or CallPhase.Ended,
            CallPhase.Talking => next is CallPhase.Ending or CallPhase.Ended,
            CallPhase.Ending => next is CallPhase.Ended,
            CallPhase.Ended => false,
            _ => throw new UnreachableException($"CallPhase {from}"),
        };
        if (allowed)
        {
            Phase = next;
            PhoneLog.Phase(Network.Logger, Phone.User, CallId, from, next);
        }

        return allowed;
    }

    /// <summary>Answered: audio starts and <see cref="Answered"/> says true. Under the lock.</summary>
    private protected void Connect()
    {
        if (!MoveTo(CallPhase.Talking))
        {
            return;
        }

        Media.StartSending();
        MarkAnswered();
    }

    /// <summary><see cref="Answered"/> says true (at once, whatever follows).</summary>
    private protected void MarkAnswered() => _answered.TrySetResult(true);

    /// <summary>The one way out: the dialog is forgotten, the stream closed, and <see cref="Ended"/> completes. Takes the lock.</summary>
    private protected void Finish(CallEnding ending)
    {
        lock (Sync)
        {
            if (!MoveTo(CallPhase.Ended))
            {
                return;
            }

            if (Dialog is { } dialog)
            {
                dialog.Terminate();
                if (!SubscriptionOpen)
                {
                    Network.Unindex(dialog.Id, this); // else when the transfer's subscription is over
                }
            }

            Media.Close();
            Network.Forget(this);
        }

        PhoneLog.Ended(Network.Logger, Phone.User, CallId, ending, RefusedStatus);
        _answered.TrySetResult(false);
        _ended.TrySetResult(ending);
    }

    /// <summary>
    /// Sends BYE in the answered dialog (under the lock; Talking, or Ending when a CANCEL crossed the answer); the call ends as
    /// <paramref name="ending"/> when the other side answers it, whatever the status (481 too: it is gone either way).
    /// </summary>
    private protected void SendBye(CallEnding ending)
    {
        if (Phase != CallPhase.Ending && !MoveTo(CallPhase.Ending))
        {
            return;
        }

        var dialog = Dialog!;
        Network.Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, new FinalResponse(_ => Finish(ending)));
    }

    /// <summary>A request in this call's dialog (RFC 3261 §12.2.2), on a receive thread.</summary>
    internal void OnInDialogRequest(ServerTransaction transaction)
    {
        var outcome = InDialog(transaction);
        if (outcome is { } ending)
        {
            Finish(ending);
        }
    }

    /// <summary>An ACK in this call's dialog: for our 200 to the INVITE, or to a re-INVITE.</summary>
    internal abstract void OnAck(SipRequest ack);

    /// <summary>A 2xx to our INVITE after its transaction ended: our ACK was lost.</summary>
    internal virtual void OnStray2xx(SipResponse response)
    {
    }
}
