using Omstilling.Calls.Events;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// One call through the back-to-back user agent: the caller's leg (our UAS side) and the branches
/// to the target's phones (our UAC side). The call is the single owner of both legs; everything
/// that happens to either arrives here and is handled under the call's lock, and events go out
/// through the <see cref="CallManager"/>.
/// </summary>
internal sealed partial class Call : IClientTransactionOwner
{
    private readonly Lock _sync = new();
    private readonly CallManager _manager;
    private readonly ServerInviteTransaction _invite;
    private readonly List<Branch> _branches = [];
    private ScheduledTimer? _ringLimit;
    private Dialog? _callerDialog;
    private Branch? _answered;
    private RelayedRequest? _relay;
    private ServerInviteTransaction? _awaitingAck;

    public Call(CallManager manager, ServerInviteTransaction invite, string caller, string dialled, string target)
    {
        _manager = manager;
        _invite = invite;
        Caller = caller;
        Dialled = dialled;
        Target = target;
        invite.UserState = this;
        invite.AckTimedOut += _ => OnAckTimedOut();
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    public string Caller { get; }

    public string Dialled { get; }

    /// <summary>The extension rung.</summary>
    public string Target { get; }

    public CallState State { get; private set; }

    private SipStack Stack => _manager.Stack;

    /// <summary>Rings every phone registered for the target and starts the ring limit; with no phone, 480 at once.</summary>
    public void Start(IReadOnlyList<Binding> bindings)
    {
        lock (_sync)
        {
            Emit(CallEventKind.Started);
            if (bindings.Count == 0)
            {
                _invite.TryRespond(_invite.CreateResponse(SipStatus.TemporarilyUnavailable));
                End(CallEndReason.Unavailable, SipStatus.TemporarilyUnavailable);
                return;
            }

            foreach (var binding in bindings)
            {
                var branch = new Branch(binding);
                _branches.Add(branch);
                branch.Transaction = (ClientInviteTransaction)Stack.SendRequest(CreateBranchInvite(binding), binding.Source, this, branch);
            }

            _ringLimit = Stack.Scheduler.Schedule(_manager.Options.RingLimit, static s => ((Call)s!).OnRingLimit(), this);
        }
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        switch (transaction.Tag)
        {
            case Branch branch:
                OnBranchResponse(branch, response);
                break;
            case RelayedRequest relay:
                OnRelayResponse(relay, response);
                break;
        }
    }

    /// <summary>The caller cancelled before an answer (§9.2): stop ringing and answer the INVITE 487.</summary>
    public void OnCallerCancel()
    {
        lock (_sync)
        {
            if (State is CallState.Answered or CallState.Ended)
            {
                return;
            }

            _invite.TryRespond(_invite.CreateResponse(SipStatus.RequestTerminated));
            CancelBranches(except: null);
            End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
        }
    }

    /// <summary>A request inside one of the call's dialogs.</summary>
    public void OnInDialogRequest(ServerTransaction transaction, CallSide from)
    {
        lock (_sync)
        {
            var request = transaction.Request;
            var (own, other) = Dialogs(from);
            if (own is null || State == CallState.Ended)
            {
                transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
                return;
            }

            if (!own.AcceptRemoteCSeq(request))
            {
                transaction.Respond(SipStatus.ServerInternalError, "CSeq out of order");
                return;
            }

            if (request.Method == SipMethod.Bye)
            {
                transaction.Respond(SipStatus.Ok);
                if (other is not null)
                {
                    Stack.SendRequest(other.CreateRequest(SipMethod.Bye), other.Peer, this);
                }

                End(from == CallSide.Caller ? CallEndReason.CallerHungUp : CallEndReason.CalleeHungUp, null);
                return;
            }

            if (request.Method == SipMethod.Options)
            {
                transaction.Respond(SipStatus.Ok);
                return;
            }

            if (other is null || (request.Method != SipMethod.Invite && request.Method != SipMethod.Info))
            {
                transaction.Respond(SipStatus.NotImplemented);
                return;
            }

            if (_relay is not null)
            {
                // §14.1: a re-INVITE while one is in progress is glare.
                transaction.Respond(SipStatus.RequestPending);
                return;
            }

            if (request.Method == SipMethod.Invite)
            {
                own.UpdateRemoteTarget(request);
            }

            var relayed = other.CreateRequest(request.Method);
            CopyBody(request, relayed);
            _relay = new RelayedRequest(transaction, from);
            Stack.SendRequest(relayed, other.Peer, this, _relay);
        }
    }

    /// <summary>An ACK in one of the call's dialogs: the ACK for our 2xx to the INVITE or to a relayed re-INVITE.</summary>
    public void OnAck()
    {
        lock (_sync)
        {
            _invite.AckReceived();
            _awaitingAck?.AckReceived();
            _awaitingAck = null;
        }
    }

    /// <summary>A 2xx retransmitted by a phone whose INVITE transaction is over: our ACK was lost, send it again.</summary>
    public void OnStray2xx(DialogId dialogId)
    {
        lock (_sync)
        {
            var branch = _branches.FirstOrDefault(b => b.Dialog?.Id == dialogId);
            if (branch?.Ack is { } ack && branch.Dialog is { } dialog)
            {
                Stack.SendAck(Clone(ack), dialog.Peer);
            }
        }
    }

    private void OnBranchResponse(Branch branch, SipResponse response)
    {
        lock (_sync)
        {
            if (response.IsProvisional)
            {
                OnBranchProvisional(response);
            }
            else if (response.IsSuccess)
            {
                OnBranchAnswered(branch, response);
            }
            else
            {
                branch.FinalResponse = response;
                if (State is CallState.Routing or CallState.Ringing && _branches.All(b => b.IsDone))
                {
                    var best = BestFailure();
                    var status = MapFailure(best.StatusCode);
                    _invite.TryRespond(_invite.CreateResponse(status));
                    End(status == SipStatus.BusyHere ? CallEndReason.Busy : CallEndReason.Rejected, status);
                }
            }
        }
    }

    private void OnBranchProvisional(SipResponse response)
    {
        if (response.StatusCode == SipStatus.Trying || State is not (CallState.Routing or CallState.Ringing))
        {
            return;
        }

        var relayed = _invite.CreateResponse(response.StatusCode, response.ReasonPhrase);
        relayed.Headers.Add(HeaderName.Contact, CallerContact().ToString());
        CopyBody(response, relayed);
        _invite.TryRespond(relayed);
        if (State == CallState.Routing)
        {
            State = CallState.Ringing;
            Emit(CallEventKind.Ringing);
        }
    }

    private void OnBranchAnswered(Branch branch, SipResponse response)
    {
        var dialog = branch.Dialog ?? Dialog.CreateUac(branch.Transaction!.Request, response, branch.Binding.Source, CalleeContact(branch.Binding));
        branch.Dialog = dialog;
        branch.FinalResponse = response;
        if (branch.Ack is null)
        {
            branch.Ack = dialog.CreateAck(branch.Transaction!.Request.CSeq.Number);
            Stack.SendAck(Clone(branch.Ack), dialog.Peer);
        }
        else
        {
            Stack.SendAck(Clone(branch.Ack), dialog.Peer);
            return; // A retransmitted 2xx within the transaction: ACKed again, nothing more.
        }

        if (State is CallState.Answered or CallState.Ended)
        {
            // A second phone answered, or the caller is gone: that phone gets a BYE at once.
            Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, this);
            return;
        }

        _answered = branch;
        _ringLimit?.Cancel();
        CancelBranches(except: branch);

        var ok = _invite.CreateResponse(SipStatus.Ok);
        var contact = CallerContact();
        ok.Headers.Add(HeaderName.Contact, contact.ToString());
        ok.Headers.Add(HeaderName.Allow, CallManager.AllowedMethods);
        CopyBody(response, ok);
        _callerDialog = Dialog.CreateUas(_invite.Request, _invite.LocalTag, _invite.Incoming.Source, contact);
        if (!_invite.TryRespond(ok))
        {
            // The caller's CANCEL won the race: release the phone that just answered.
            Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, this);
            return;
        }

        State = CallState.Answered;
        _manager.Index(_callerDialog.Id, this, CallSide.Caller);
        _manager.Index(dialog.Id, this, CallSide.Callee);
        Emit(CallEventKind.Answered, answeredBy: Target);
    }

    private void OnRelayResponse(RelayedRequest relay, SipResponse response)
    {
        lock (_sync)
        {
            if (!ReferenceEquals(relay, _relay) || response.StatusCode == SipStatus.Trying)
            {
                return;
            }

            var (own, other) = Dialogs(relay.From);
            var answer = relay.Transaction.CreateResponse(response.StatusCode, response.ReasonPhrase);
            CopyBody(response, answer);
            if (own is not null && relay.Transaction.Request.Method == SipMethod.Invite)
            {
                answer.Headers.Add(HeaderName.Contact, own.LocalContact.ToString());
            }

            if (response.IsFinal)
            {
                _relay = null;
                if (response.IsSuccess && relay.Transaction.Request.Method == SipMethod.Invite && other is not null)
                {
                    other.UpdateRemoteTarget(response);
                    Stack.SendAck(other.CreateAck(response.CSeq.Number), other.Peer);
                    _awaitingAck = relay.Transaction as ServerInviteTransaction;
                }
            }

            relay.Transaction.TryRespond(answer);
        }
    }

    private void OnRingLimit()
    {
        lock (_sync)
        {
            if (State is not (CallState.Routing or CallState.Ringing))
            {
                return;
            }

            CancelBranches(except: null);
            _invite.TryRespond(_invite.CreateResponse(SipStatus.TemporarilyUnavailable, "No Answer"));
            End(CallEndReason.NoAnswer, SipStatus.TemporarilyUnavailable);
        }
    }

    private void OnAckTimedOut()
    {
        lock (_sync)
        {
            if (State != CallState.Answered)
            {
                return;
            }

            foreach (var dialog in new[] { _callerDialog, _answered?.Dialog })
            {
                if (dialog is not null)
                {
                    Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, this);
                }
            }

            End(CallEndReason.Failed, null);
        }
    }

    private void CancelBranches(Branch? except)
    {
        foreach (var b in _branches)
        {
            if (!ReferenceEquals(b, except) && !b.IsDone)
            {
                b.Transaction?.Cancel();
            }
        }
    }

    private void End(CallEndReason reason, int? status)
    {
        if (State == CallState.Ended)
        {
            return;
        }

        State = CallState.Ended;
        _ringLimit?.Cancel();
        _callerDialog?.Terminate();
        _answered?.Dialog?.Terminate();
        _manager.Remove(this, _callerDialog?.Id, _answered?.Dialog?.Id);
        Emit(CallEventKind.Ended, endReason: reason, status: status);
    }

    private (Dialog? Own, Dialog? Other) Dialogs(CallSide from) =>
        from == CallSide.Caller ? (_callerDialog, _answered?.Dialog) : (_answered?.Dialog, _callerDialog);

    /// <summary>Busy wins over other failures: it tells the caller most (RFC 3261 §16.7 picks the "best" response similarly).</summary>
    private SipResponse BestFailure() =>
        _branches.Select(b => b.FinalResponse!).OrderBy(r => r.StatusCode is 486 or 600 ? 0 : 1).ThenBy(r => r.StatusCode).First();

    /// <summary>Statuses that describe our own leg to the phone, not the call, become 480 for the caller.</summary>
    private static int MapFailure(int status) => status switch
    {
        600 => SipStatus.BusyHere,
        401 or 407 or 481 or 482 or 483 or 487 or 491 or 408 => SipStatus.TemporarilyUnavailable,
        _ => status,
    };

    private void Emit(CallEventKind kind, string? answeredBy = null, CallEndReason? endReason = null, int? status = null) =>
        _manager.Publish(new CallEvent(Id, kind, Stack.Scheduler.Time.GetUtcNow(), Caller, Dialled)
        {
            AnsweredBy = answeredBy,
            EndReason = endReason,
            Status = status,
        });

    private static void CopyBody(SipMessage from, SipMessage to)
    {
        if (from.Body.IsEmpty)
        {
            return;
        }

        if (from.Headers.TryGetFirst(HeaderName.ContentType, out var type))
        {
            to.Headers.Add(type);
        }

        to.Body = from.Body;
    }

    /// <summary>A fresh copy, since the stack adds its own Via to every request it sends.</summary>
    private static SipRequest Clone(SipRequest request)
    {
        var headers = new SipHeaders(request.Headers.Count);
        foreach (var h in request.Headers.AsSpan())
        {
            if (h.Name != HeaderName.Via)
            {
                headers.Add(h);
            }
        }

        return new SipRequest(request.Method, request.RequestUri, headers, request.Body);
    }

    /// <summary>Our Contact towards the caller: the dialled number at our address.</summary>
    private NameAddress CallerContact() => _manager.ContactFor(Dialled, _invite.Incoming.Source);

    /// <summary>Our Contact towards a phone: the caller's number at our address.</summary>
    private NameAddress CalleeContact(Binding binding) => _manager.ContactFor(Caller, binding.Source);

    private SipRequest CreateBranchInvite(Binding binding)
    {
        var local = Stack.LocalEndPointFor(binding.Source);
        var host = SipStack.FormatHost(local.Address);
        var callerRequest = _invite.Request;
        var headers = new SipHeaders(12);
        var from = new NameAddress(SipUri.Sip(Caller, host), callerRequest.From.DisplayName).WithTag(SipIds.NewTag());
        headers.Add(HeaderName.From, from.ToString());
        headers.Add(HeaderName.To, new NameAddress(SipUri.Sip(Target, host)).ToString());
        headers.Add(HeaderName.CallId, SipIds.NewCallId(host));
        headers.Add(HeaderName.CSeq, new CSeq(1, SipMethod.Invite).ToString());

        // RFC 7332 loop detection for B2BUAs: Max-Forwards goes down across us too.
        headers.Add(HeaderName.MaxForwards, Math.Max(0, (callerRequest.MaxForwards ?? 70) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        headers.Add(HeaderName.Contact, CalleeContact(binding).ToString());
        headers.Add(HeaderName.Allow, CallManager.AllowedMethods);
        headers.Add(HeaderName.UserAgent, Stack.Options.UserAgent);
        var invite = new SipRequest(SipMethod.Invite, binding.Contact, headers);
        CopyBody(callerRequest, invite);
        return invite;
    }

    /// <summary>An in-dialog request from one leg being passed to the other, and where its answer goes.</summary>
    private sealed record RelayedRequest(ServerTransaction Transaction, CallSide From);
}
