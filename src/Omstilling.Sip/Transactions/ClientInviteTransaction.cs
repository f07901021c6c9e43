using Omstilling.Sip.Messages;
using Omstilling.Sip.Serialization;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 (figure 5) with RFC 6026's Accepted state:
/// Calling (Timer A retransmits over UDP, Timer B = 64*T1 times out) → Proceeding (1xx) →
/// Accepted (2xx; further 2xx are passed on for the dialog to ACK, Timer M = 64*T1) or
/// Completed (3xx-6xx; the ACK is sent here and resent for retransmissions, Timer D) → Terminated.
/// <see cref="Cancel"/> sends a CANCEL (§9.1), waiting for a provisional response if none came yet.
/// </summary>
public sealed class ClientInviteTransaction : ClientTransaction
{
    private ScheduledTimer? _timerA;
    private ScheduledTimer? _timerB;
    private TimeSpan _interval;
    private byte[]? _ackBytes;
    private bool _cancelWanted;
    private bool _cancelSent;

    internal ClientInviteTransaction(SipStack stack, SipRequest request, SipEndPoint destination, ISipTransport transport, IClientTransactionOwner owner)
        : base(stack, request, destination, transport, owner)
    {
        State = TransactionState.Calling;
    }

    /// <summary>True once any provisional response arrived (a CANCEL may then be sent).</summary>
    public bool HasProvisional { get; private set; }

    internal override void Start()
    {
        lock (Sync)
        {
            SendRequest();
            _interval = Stack.Timers.T1;
            if (!IsReliable)
            {
                _timerA = Stack.Scheduler.Schedule(_interval, static s => ((ClientInviteTransaction)s!).OnTimerA(), this);
            }

            _timerB = Stack.Scheduler.Schedule(Stack.Timers.TransactionTimeout, static s => ((ClientInviteTransaction)s!).OnTimerB(), this);
        }
    }

    /// <summary>
    /// Cancels the INVITE (§9.1). Sent at once when a provisional response has arrived, otherwise
    /// as soon as one does; does nothing once a final response arrived. If the far end never
    /// answers the INVITE finally, the owner gets a local 487 after 64*T1.
    /// </summary>
    public void Cancel()
    {
        lock (Sync)
        {
            if (State is not (TransactionState.Calling or TransactionState.Proceeding) || _cancelWanted)
            {
                return;
            }

            _cancelWanted = true;
            if (HasProvisional)
            {
                SendCancel();
            }
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Sync)
        {
            switch (State)
            {
                case TransactionState.Calling or TransactionState.Proceeding when response.IsProvisional:
                    _timerA?.Cancel();
                    _timerB?.Cancel();
                    State = TransactionState.Proceeding;
                    HasProvisional = true;
                    if (_cancelWanted && !_cancelSent)
                    {
                        SendCancel();
                    }

                    break;
                case TransactionState.Calling or TransactionState.Proceeding when response.IsSuccess:
                    StopTimers();
                    State = TransactionState.Accepted;
                    Stack.Scheduler.Schedule(Stack.Timers.TransactionTimeout, static s => ((ClientInviteTransaction)s!).OnTimerM(), this);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding:
                    StopTimers();
                    State = TransactionState.Completed;
                    _ackBytes = SipMessageWriter.ToBytes(CreateAck(response));
                    SendAck();
                    if (IsReliable)
                    {
                        Terminate();
                    }
                    else
                    {
                        Stack.Scheduler.Schedule(Stack.Timers.TimerD, static s => ((ClientInviteTransaction)s!).OnTimerD(), this);
                    }

                    break;
                case TransactionState.Accepted when response.IsSuccess:
                    break; // A retransmitted 2xx (or one from another fork): the dialog ACKs it.
                case TransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                    SendAck();
                    return;
                default:
                    return;
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

    /// <summary>The ACK for a non-2xx final response (§17.1.1.3): same branch, To from the response.</summary>
    private SipRequest CreateAck(SipResponse response)
    {
        var headers = new SipHeaders(8);
        headers.Add(Request.Headers[Request.Headers.IndexOf(HeaderName.Via)]);
        Request.Headers.CopyAllTo(HeaderName.Route, headers);
        headers.Add(HeaderName.MaxForwards, "70");
        Request.Headers.CopyAllTo(HeaderName.From, headers);
        response.Headers.CopyAllTo(HeaderName.To, headers);
        Request.Headers.CopyAllTo(HeaderName.CallId, headers);
        headers.Add(HeaderName.CSeq, new CSeq(Request.CSeq.Number, SipMethod.Ack).ToString());
        return new SipRequest(SipMethod.Ack, Request.RequestUri, headers);
    }

    /// <summary>CANCEL (§9.1): Request-URI, Call-ID, To, From, top Via and Route of the INVITE, CSeq number with CANCEL.</summary>
    private void SendCancel()
    {
        _cancelSent = true;
        var headers = new SipHeaders(8);
        headers.Add(Request.Headers[Request.Headers.IndexOf(HeaderName.Via)]);
        Request.Headers.CopyAllTo(HeaderName.Route, headers);
        headers.Add(HeaderName.MaxForwards, "70");
        Request.Headers.CopyAllTo(HeaderName.From, headers);
        Request.Headers.CopyAllTo(HeaderName.To, headers);
        Request.Headers.CopyAllTo(HeaderName.CallId, headers);
        headers.Add(HeaderName.CSeq, new CSeq(Request.CSeq.Number, SipMethod.Cancel).ToString());
        var cancel = new SipRequest(SipMethod.Cancel, Request.RequestUri, headers);
        Stack.StartClientTransaction(cancel, Destination, Transport, IgnoreResponses.Instance);
        Stack.Scheduler.Schedule(Stack.Timers.TransactionTimeout, static s => ((ClientInviteTransaction)s!).OnCancelExpired(), this);
    }

    private void SendAck()
    {
        if (_ackBytes is not null)
        {
            Stack.Send(Transport, Destination.EndPoint, _ackBytes, null);
        }
    }

    private void OnTimerA()
    {
        lock (Sync)
        {
            if (State != TransactionState.Calling)
            {
                return;
            }

            SendRequest();
            _interval = Stack.Timers.Backoff(_interval, capAtT2: false);
            _timerA = Stack.Scheduler.Schedule(_interval, static s => ((ClientInviteTransaction)s!).OnTimerA(), this);
        }
    }

    private void OnTimerB()
    {
        if (Fail())
        {
            Report(LocalResponse(SipStatus.RequestTimeout));
        }
    }

    private void OnCancelExpired()
    {
        if (Fail())
        {
            Report(LocalResponse(SipStatus.RequestTerminated));
        }
    }

    private void OnTimerD()
    {
        lock (Sync)
        {
            if (State == TransactionState.Completed)
            {
                Terminate();
            }
        }
    }

    private void OnTimerM()
    {
        lock (Sync)
        {
            if (State == TransactionState.Accepted)
            {
                Terminate();
            }
        }
    }

    private void StopTimers()
    {
        _timerA?.Cancel();
        _timerB?.Cancel();
    }

    private bool Fail()
    {
        lock (Sync)
        {
            if (State is not (TransactionState.Calling or TransactionState.Proceeding))
            {
                return false;
            }

            StopTimers();
            Terminate();
            return true;
        }
    }

    /// <summary>The owner of CANCEL transactions: the INVITE's final response is what matters.</summary>
    private sealed class IgnoreResponses : IClientTransactionOwner
    {
        public static readonly IgnoreResponses Instance = new();

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
        }
    }
}
