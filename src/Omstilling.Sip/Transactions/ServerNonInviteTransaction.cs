using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2 (figure 8):
/// Trying → Proceeding (1xx) → Completed (final; Timer J = 64*T1 over UDP, 0 over TCP) → Terminated.
/// </summary>
public sealed class ServerNonInviteTransaction : ServerTransaction
{
    private ScheduledTimer? _timerJ;

    internal ServerNonInviteTransaction(SipStack stack, Transport.IncomingMessage incoming, TransactionKey key)
        : base(stack, incoming, key)
    {
        State = TransactionState.Trying;
    }

    public override void Respond(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (Sync)
        {
            if (State is TransactionState.Completed or TransactionState.Terminated)
            {
                throw new InvalidOperationException($"The {Request.Method} transaction was already answered.");
            }

            Send(response);
            if (response.IsProvisional)
            {
                State = TransactionState.Proceeding;
                return;
            }

            State = TransactionState.Completed;
            if (IsReliable)
            {
                Terminate();
                return;
            }

            _timerJ = Stack.Scheduler.Schedule(Stack.Timers.TransactionTimeout, static s => ((ServerNonInviteTransaction)s!).OnTimerJ(), this);
        }
    }

    internal override void OnRetransmission()
    {
        lock (Sync)
        {
            // In Trying the TU has not answered yet: the retransmission is absorbed (§17.2.2).
            if (State is TransactionState.Proceeding or TransactionState.Completed)
            {
                ResendLast();
            }
        }
    }

    private void OnTimerJ()
    {
        lock (Sync)
        {
            if (State == TransactionState.Completed)
            {
                Terminate();
            }
        }

        _timerJ = null;
    }
}
