using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Players;
using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// One call through the back-to-back user agent: the caller's leg (our UAS side) and the branches
/// to the target's phones (our UAC side), with media anchored here and bridged once a phone
/// answers. The call is the single owner of both legs; everything that happens to either arrives
/// here and is handled under the call's lock, and events go out through the <see cref="CallManager"/>.
/// </summary>
#pragma warning disable CA1001 // The bridge and streams are released in End(), which every way out of a call reaches.
internal sealed partial class Call : IDialogOwner, IClientTransactionOwner
#pragma warning restore CA1001
{
    private readonly Lock _sync = new();
    private readonly CallManager _manager;
    private readonly ServerInviteTransaction _invite;
    private readonly List<Branch> _branches = [];
    private ScheduledTimer? _ringLimit;
    private Dialog? _callerDialog;
    private LegMedia? _callerMedia;
    private string? _callerAnswer;
    private Branch? _answered;
    private Bridge? _bridge;
    private ServerInviteTransaction? _pendingReinvite;

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

    /// <summary>
    /// Answers the caller's SDP on our stream, then rings every phone registered for the target and
    /// starts the ring limit; with no phone, 480 at once; with SDP we cannot serve, 488.
    /// </summary>
    public void Start(IReadOnlyList<Binding> bindings)
    {
        lock (_sync)
        {
            Emit(CallEventKind.Started);
            if (bindings.Count == 0)
            {
                Refuse(SipStatus.TemporarilyUnavailable, null, CallEndReason.Unavailable);
                return;
            }

            if (!TryCreateMedia(out var callerMedia))
            {
                return;
            }

            _callerMedia = callerMedia;
            try
            {
                _callerAnswer = _invite.Request.Body.IsEmpty ? null : _callerMedia.Answer(_invite.Request);
            }
            catch (SdpParseException e)
            {
                Refuse(SipStatus.BadRequest, e.Message, CallEndReason.Rejected);
                return;
            }

            if (!_invite.Request.Body.IsEmpty && _callerAnswer is null)
            {
                Refuse(SipStatus.NotAcceptableHere, "No common audio codec (PCMA or PCMU)", CallEndReason.Rejected);
                return;
            }

            foreach (var binding in bindings)
            {
                if (!TryCreateMedia(out var branchMedia))
                {
                    CancelBranches(except: null);
                    return;
                }

                var branch = new Branch(binding, branchMedia);
                _branches.Add(branch);
                branch.Transaction = (ClientInviteTransaction)Stack.SendRequest(CreateBranchInvite(branch), binding.Source, this, branch);
            }

            _ringLimit = Stack.Scheduler.Schedule(_manager.Options.RingLimit, static s => ((Call)s!).OnRingLimit(), this);
        }
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (transaction.Tag is Branch branch)
        {
            OnBranchResponse(branch, response);
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

            if (request.Method == SipMethod.Invite)
            {
                OnReinvite(transaction, own, from);
                return;
            }

            if (request.Method == SipMethod.Info)
            {
                transaction.Respond(SipStatus.Ok);
                if (SipInfoDtmf.Parse(request.ContentType, request.BodyText) is { } digit)
                {
                    OnDigit(from, digit);
                }

                return;
            }

            transaction.Respond(request.Method == SipMethod.Options ? SipStatus.Ok : SipStatus.NotImplemented);
        }
    }

    /// <summary>
    /// An ACK in one of the call's dialogs: for our 2xx to the INVITE or to a re-INVITE. After an
    /// INVITE without SDP (a late offer, as some trunks send), our 2xx carried the offer and this
    /// ACK carries the caller's answer (RFC 3261 §13.2.1).
    /// </summary>
    public void OnAck(SipRequest ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        lock (_sync)
        {
            _invite.AckReceived();
            _pendingReinvite?.AckReceived();
            _pendingReinvite = null;
            if (_callerAnswer is null && _callerMedia is not null && !ack.Body.IsEmpty)
            {
                try
                {
                    _callerAnswer = _callerMedia.ApplyAnswer(ack) ? "applied" : null;
                }
                catch (SdpParseException)
                {
                    _callerAnswer = null;
                }
            }
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

    /// <summary>
    /// A re-INVITE from one phone is answered here, on that phone's own stream: media is anchored,
    /// so the other phone need not know. Hold (sendonly/inactive) gives the other party music.
    /// </summary>
    private void OnReinvite(ServerTransaction transaction, Dialog own, CallSide from)
    {
        var media = from == CallSide.Caller ? _callerMedia : _answered?.Media;
        if (media is null || transaction.Request.Body.IsEmpty)
        {
            transaction.Respond(SipStatus.NotAcceptableHere);
            return;
        }

        string? answer;
        try
        {
            answer = media.Answer(transaction.Request);
        }
        catch (SdpParseException e)
        {
            transaction.Respond(SipStatus.BadRequest, e.Message);
            return;
        }

        if (answer is null)
        {
            transaction.Respond(SipStatus.NotAcceptableHere);
            return;
        }

        own.UpdateRemoteTarget(transaction.Request);
        var ok = transaction.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Contact, own.LocalContact.ToString());
        LegMedia.Attach(ok, answer);
        transaction.Respond(ok);
        _pendingReinvite = transaction as ServerInviteTransaction;
        if (media.PeerDirection.Receives())
        {
            _bridge?.Resume(media.Stream);
            Emit(CallEventKind.Resumed);
        }
        else
        {
            _bridge?.Hold(media.Stream);
            Emit(CallEventKind.Held);
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
                branch.Media.Close();
                if (State is CallState.Routing or CallState.Ringing && _branches.All(b => b.IsDone))
                {
                    var status = MapFailure(BestFailure().StatusCode);
                    Refuse(status, null, status == SipStatus.BusyHere ? CallEndReason.Busy : CallEndReason.Rejected);
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

        // The phone's early media is for our stream, not the caller's: the caller gets the status only.
        var relayed = _invite.CreateResponse(response.StatusCode == SipStatus.SessionProgress ? SipStatus.Ringing : response.StatusCode, response.ReasonPhrase);
        relayed.Headers.Add(HeaderName.Contact, CallerContact().ToString());
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
        if (branch.Ack is not null)
        {
            Stack.SendAck(Clone(branch.Ack), dialog.Peer);
            return; // A retransmitted 2xx within the transaction: ACKed again, nothing more.
        }

        branch.Ack = dialog.CreateAck(branch.Transaction!.Request.CSeq.Number);
        Stack.SendAck(Clone(branch.Ack), dialog.Peer);
        if (State is CallState.Answered or CallState.Ended || !ApplyAnswer(branch, response))
        {
            // A second phone answered, the caller is gone, or the phone's SDP is unusable: that phone gets a BYE at once.
            Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, this);
            branch.Media.Close();
            return;
        }

        _answered = branch;
        _ringLimit?.Cancel();
        CancelBranches(except: branch);

        var ok = _invite.CreateResponse(SipStatus.Ok);
        var contact = CallerContact();
        ok.Headers.Add(HeaderName.Contact, contact.ToString());
        ok.Headers.Add(HeaderName.Allow, CallManager.AllowedMethods);
        LegMedia.Attach(ok, _callerAnswer ?? _callerMedia!.Offer());
        _callerDialog = Dialog.CreateUas(_invite.Request, _invite.LocalTag, _invite.Incoming.Source, contact);
        if (!_invite.TryRespond(ok))
        {
            // The caller's CANCEL won the race: release the phone that just answered.
            Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, this);
            return;
        }

        State = CallState.Answered;
        _bridge = new Bridge(_callerMedia!.Stream, branch.Media.Stream, _manager.Media.Clock, _manager.MusicOnHold);
        _bridge.Digit += (stream, digit) =>
        {
            lock (_sync)
            {
                OnDigit(ReferenceEquals(stream, _callerMedia?.Stream) ? CallSide.Caller : CallSide.Callee, digit);
            }
        };
        _manager.Index(_callerDialog.Id, this, CallSide.Caller);
        _manager.Index(dialog.Id, this, CallSide.Callee);
        Emit(CallEventKind.Answered, answeredBy: Target);
    }

    /// <summary>The callee's SDP answer to our offer; false when it accepted none of our audio.</summary>
    private static bool ApplyAnswer(Branch branch, SipResponse response)
    {
        try
        {
            return !response.Body.IsEmpty && branch.Media.ApplyAnswer(response);
        }
        catch (SdpParseException)
        {
            return false;
        }
    }

    /// <summary>A key press on one side reaches the other as RFC 4733 events, and the call's events.</summary>
    private void OnDigit(CallSide from, char digit)
    {
        Emit(CallEventKind.Digit, digit: digit);
        var other = from == CallSide.Caller ? _answered?.Media.Stream : _callerMedia?.Stream;
        if (other is { CanSendDigits: true })
        {
            DtmfSender.Start(other, _manager.Media.Clock, digit.ToString());
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
            Refuse(SipStatus.TemporarilyUnavailable, "No Answer", CallEndReason.NoAnswer);
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

    /// <summary>A stream for a leg; when the RTP port range is used up the caller gets 503 and the call ends.</summary>
    private bool TryCreateMedia([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LegMedia? media)
    {
        try
        {
            media = LegMedia.Create(_manager.Media);
            return true;
        }
        catch (InvalidOperationException)
        {
            media = null;
            var busy = _invite.CreateResponse(SipStatus.ServiceUnavailable, "No media ports free");
            busy.Headers.Add(HeaderName.RetryAfter, "5");
            _invite.TryRespond(busy);
            End(CallEndReason.Failed, SipStatus.ServiceUnavailable);
            return false;
        }
    }

    private void Refuse(int status, string? reason, CallEndReason endReason)
    {
        _invite.TryRespond(_invite.CreateResponse(status, reason));
        End(endReason, status);
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
        _bridge?.Dispose();
        _callerMedia?.Close();
        foreach (var branch in _branches)
        {
            branch.Media.Close();
        }

        _manager.Remove(Id, _callerDialog?.Id, _answered?.Dialog?.Id);
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
        401 or 407 or 481 or 482 or 483 or 487 or 491 or 408 or 488 => SipStatus.TemporarilyUnavailable,
        _ => status,
    };

    private void Emit(CallEventKind kind, string? answeredBy = null, CallEndReason? endReason = null, int? status = null, char? digit = null) =>
        _manager.Publish(new CallEvent(Id, kind, Stack.Scheduler.Time.GetUtcNow(), Caller, Dialled)
        {
            AnsweredBy = answeredBy,
            EndReason = endReason,
            Status = status,
            Digit = digit,
        });

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

    private SipRequest CreateBranchInvite(Branch branch)
    {
        var binding = branch.Binding;
        var local = Stack.LocalEndPointFor(binding.Source);
        var host = Sip.Transactions.SipStack.FormatHost(local.Address);
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
        LegMedia.Attach(invite, branch.Media.Offer());
        return invite;
    }
}
