using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 (figure 7) with RFC 6026's Accepted state.
/// <list type="bullet">
/// <item>Proceeding: 100 Trying is sent at once; provisional responses are resent on retransmitted INVITEs.</item>
/// <item>Accepted (2xx sent): the 2xx is retransmitted over UDP (T1 doubling to T2, §13.3.1.4) until
/// the TU reports the ACK (<see cref="AckReceived"/>) or Timer L (64*T1) ends it; then <see cref="AckTimedOut"/>
/// tells the TU to end the session.</item>
/// <item>Completed (3xx-6xx sent): Timer G retransmits over UDP, Timer H (64*T1) gives up waiting for the ACK.</item>
/// <item>Confirmed (ACK received): Timer I (T4 over UDP, 0 over TCP) absorbs ACK retransmissions.</item>
/// </list>
/// </summary>
public sealed class ServerInviteTransaction : ServerTransaction
{
    private ScheduledTimer? _retransmit;
    private ScheduledTimer? _timeout;
    private TimeSpan _interval;
    private bool _ackSeen;

    internal ServerInviteTransaction(SipStack stack, Transport.IncomingMessage incoming, TransactionKey key)
        : base(stack, incoming, key)
    {
        State = TransactionState.Proceeding;
    }

    /// <summary>Raised once (outside the lock) when a 2xx was never acknowledged (§13.3.1.4): the TU should send BYE.</summary>
    public event Action<ServerInviteTransaction>? AckTimedOut;

    /// <summary>Counted in the stack's <see cref="Security.SetupGate"/> until its first final response.</summary>
    internal bool InSetup { get; set; }

    /// <summary>True when a CANCEL for this INVITE arrived (§9.2).</summary>
    public bool IsCancelled { get; private set; }

    public override void Respond(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (Sync)
        {
            if (State != TransactionState.Proceeding)
            {
                throw new InvalidOperationException("The INVITE was already answered finally.");
            }

            Send(response);
            if (response.IsProvisional)
            {
                return;
            }

            if (InSetup)
            {
                InSetup = false;
                Stack.Setup.Exit();
            }

            _interval = Stack.Timers.T1;
            if (response.IsSuccess)
            {
                State = TransactionState.Accepted;
                if (!IsReliable)
                {
                    _retransmit = Stack.Scheduler.Schedule(_interval, static s => ((ServerInviteTransaction)s!).OnRetransmitTimer(), this);
                }

                _timeout = Stack.Scheduler.Schedule(Stack.Timers.TransactionTimeout, static s => ((ServerInviteTransaction)s!).OnTimerL(), this);
                return;
            }

            State = TransactionState.Completed;
            if (!IsReliable)
            {
                _retransmit = Stack.Scheduler.Schedule(_interval, static s => ((ServerInviteTransaction)s!).OnRetransmitTimer(), this);
            }

            _timeout = Stack.Scheduler.Schedule(Stack.Timers.TransactionTimeout, static s => ((ServerInviteTransaction)s!).OnTimerH(), this);
        }
    }

    /// <summary>The TU saw the ACK for our 2xx (it arrives as its own transaction, §17.1.1.3): stop retransmitting.</summary>
    public void AckReceived()
    {
        lock (Sync)
        {
            _ackSeen = true;
            _retransmit?.Cancel();
            _retransmit = null;
        }
    }

    internal void MarkCancelled()
    {
        lock (Sync)
        {
            IsCancelled = true;
        }
    }

    internal override void OnRetransmission()
    {
        lock (Sync)
        {
            if (State is TransactionState.Proceeding or TransactionState.Completed or TransactionState.Accepted)
            {
                ResendLast();
            }
        }
    }

    /// <summary>
    /// An ACK matched this transaction: for a non-2xx it confirms (§17.2.1); for a 2xx it is the
    /// TU's ACK. Returns true for the latter, decided under the lock: read before it, the state
    /// could still say Proceeding while another receive thread is sending our 2xx.
    /// </summary>
    internal bool OnAck()
    {
        lock (Sync)
        {
            switch (State)
            {
                case TransactionState.Completed:
                    State = TransactionState.Confirmed;
                    _retransmit?.Cancel();
                    _timeout?.Cancel();
                    if (IsReliable)
                    {
                        Terminate();
                    }
                    else
                    {
                        _timeout = Stack.Scheduler.Schedule(Stack.Timers.T4, static s => ((ServerInviteTransaction)s!).OnTimerI(), this);
                    }

                    return false;
                case TransactionState.Accepted:
                    _ackSeen = true;
                    _retransmit?.Cancel();
                    return true;
                default:
                    return false;
            }
        }
    }

    private void OnRetransmitTimer()
    {
        lock (Sync)
        {
            if (State is not (TransactionState.Completed or TransactionState.Accepted) || _retransmit is null)
            {
                return;
            }

            ResendLast();
            _interval = Stack.Timers.Backoff(_interval, capAtT2: true);
            _retransmit = Stack.Scheduler.Schedule(_interval, static s => ((ServerInviteTransaction)s!).OnRetransmitTimer(), this);
        }
    }

    private void OnTimerH()
    {
        lock (Sync)
        {
            if (State != TransactionState.Completed)
            {
                return;
            }

            _retransmit?.Cancel();
            Terminate();
        }
    }

    private void OnTimerI()
    {
        lock (Sync)
        {
            if (State == TransactionState.Confirmed)
            {
                Terminate();
            }
        }
    }

    private void OnTimerL()
    {
        bool unacknowledged;
        lock (Sync)
        {
            if (State != TransactionState.Accepted)
            {
                return;
            }

            unacknowledged = !_ackSeen;
            _retransmit?.Cancel();
            Terminate();
        }

        if (unacknowledged)
        {
            AckTimedOut?.Invoke(this);
        }
    }
}
