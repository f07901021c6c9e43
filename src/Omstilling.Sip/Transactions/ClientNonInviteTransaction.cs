using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction of RFC 3261 §17.1.2 (figure 6): Trying (Timer E retransmits
/// over UDP from T1 doubling to T2, Timer F = 64*T1 times out) → Proceeding (E continues at T2) →
/// Completed (Timer K = T4 over UDP absorbs retransmitted responses) → Terminated.
/// </summary>
public sealed class ClientNonInviteTransaction : ClientTransaction
{
    private ScheduledTimer? _timerE;
    private ScheduledTimer? _timerF;
    private TimeSpan _interval;

    internal ClientNonInviteTransaction(SipStack stack, SipRequest request, SipEndPoint destination, ISipTransport transport, IClientTransactionOwner owner)
        : base(stack, request, destination, transport, owner)
    {
        State = TransactionState.Trying;
    }

    internal override void Start()
    {
        lock (Sync)
        {
            SendRequest();
            _interval = Stack.Timers.T1;
            if (!IsReliable)
            {
                _timerE = Stack.Scheduler.Schedule(_interval, static s => ((ClientNonInviteTransaction)s!).OnTimerE(), this);
            }

            _timerF = Stack.Scheduler.Schedule(Stack.Timers.TransactionTimeout, static s => ((ClientNonInviteTransaction)s!).OnTimerF(), this);
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Sync)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return; // Completed: a retransmitted final response, absorbed.
            }

            if (response.IsProvisional)
            {
                State = TransactionState.Proceeding;
            }
            else
            {
                _timerE?.Cancel();
                _timerF?.Cancel();
                State = TransactionState.Completed;
                if (IsReliable)
                {
                    Terminate();
                }
                else
                {
                    Stack.Scheduler.Schedule(Stack.Timers.T4, static s => ((ClientNonInviteTransaction)s!).OnTimerK(), this);
                }
            }
        }

        Report(response);
    }

    internal override void OnTransportError()
    {
        if (Fail())
        {
            Report(LocalResponse(SipStatus.ServiceUnavailable));
        }
    }

    private void OnTimerE()
    {
        lock (Sync)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }

            SendRequest();
            _interval = State == TransactionState.Proceeding ? Stack.Timers.T2 : Stack.Timers.Backoff(_interval, capAtT2: true);
            _timerE = Stack.Scheduler.Schedule(_interval, static s => ((ClientNonInviteTransaction)s!).OnTimerE(), this);
        }
    }

    private void OnTimerF()
    {
        if (Fail())
        {
            Report(LocalResponse(SipStatus.RequestTimeout));
        }
    }

    private void OnTimerK()
    {
        lock (Sync)
        {
            if (State == TransactionState.Completed)
            {
                Terminate();
            }
        }
    }

    private bool Fail()
    {
        lock (Sync)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return false;
            }

            _timerE?.Cancel();
            _timerF?.Cancel();
            Terminate();
            return true;
        }
    }
}
