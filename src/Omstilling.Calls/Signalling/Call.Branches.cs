using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Prompts;
using Omstilling.Media.Players;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Ringing: every registered phone of the targets at once (parallel forking), or the trunk for
/// an external number; the first to answer is bridged to the caller; the ring limit and the
/// policy's busy and no-answer rules decide what happens otherwise (for a queue offer, a
/// transfer, a recall or a camp-on, their own rules: see <see cref="RingFailed"/>).
/// </summary>
internal sealed partial class Call
{
    private readonly List<Branch> _branches = [];
    private Branch? _answered;
    private int _attempt;
    private PolicyAction? _onBusy;
    private PolicyAction? _onNoAnswer;
    private IReadOnlyList<string> _ringTargets = [];

    /// <summary>
    /// Rings every phone of the extensions for <paramref name="limit"/>. No phone registered counts
    /// as busy (the policy's words: "all busy or nobody logged in"), and so does a person already
    /// in a call when the caller is from outside (the policy: a busy direct line goes to the
    /// switchboard). A caller already answered hears the ringing tone meanwhile.
    /// </summary>
    private void Ring(IReadOnlyList<string> extensions, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer, bool ringback)
    {
        _ringTargets = extensions;
        _onBusy = onBusy;
        _onNoAnswer = onNoAnswer;
        var bindings = extensions.SelectMany(e => _manager.Bindings.Lookup(e)).ToList();
        if (bindings.Count == 0)
        {
            RingFailed(RingOutcome.Unavailable, SipStatus.TemporarilyUnavailable);
            return;
        }

        if (FromOutside && extensions.Count > 0 && extensions.All(_manager.Activity.IsBusy))
        {
            RingFailed(RingOutcome.Busy, SipStatus.BusyHere);
            return;
        }

        StartBranches(bindings, limit, ringback);
    }

    /// <summary>Calls an external number through the trunk (only numbers the policy names get here).</summary>
    private void Forward(string number, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer)
    {
        _ringTargets = [];
        _onBusy = onBusy;
        _onNoAnswer = onNoAnswer;
        if (_manager.Trunk is not { } trunk)
        {
            Emit(Event(CallEventKind.Routed) with { Decision = DecisionKind.Forward, Target = number, RouteFailure = RouteFailure.NoTrunk });
            Follow(onNoAnswer, SipStatus.ServiceUnavailable, CallEndReason.Failed);
            return;
        }

        StartBranches([TrunkBinding(trunk, number)], limit, ringback: true, toTrunk: true);
    }

    private static Binding TrunkBinding(Trunks.TrunkOptions trunk, string number)
    {
        var uri = SipUri.Sip(number, trunk.DomainOrPeer, trunk.Domain is null ? trunk.Peer.EndPoint.Port : null);
        return new Binding(number, uri, trunk.Peer, DateTimeOffset.MaxValue, "", 0, null);
    }

    private void StartBranches(IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback, bool toTrunk = false)
    {
        _attempt++;

        // Whom this call rings is theirs until the ringing ends: the queue must not offer them
        // another caller meanwhile (its own offers are kept apart by the queue).
        if (_queueOffer is null && !toTrunk)
        {
            _manager.Queues.Reserve(this, bindings.Select(b => b.Aor));
        }

        foreach (var binding in bindings)
        {
            if (CreateBranch(binding, BranchPurpose.Ring, toTrunk) is null)
            {
                CancelBranches(except: null);
                return;
            }
        }

        if (ringback && CallerAnswered)
        {
            PlayToCaller(_manager.Prompts.Get(StandardPrompts.Ringback));
        }

        ArmRingLimit(limit);
    }

    /// <summary>The ring limit of the current attempt; a limit that fires after the attempt moved on does nothing.</summary>
    private void ArmRingLimit(TimeSpan limit)
    {
        _ringLimit?.Cancel();
        var attempt = _attempt;
        _ringLimit = Stack.Scheduler.Schedule(limit, _ => OnRingLimit(attempt));
    }

    /// <summary>Sends one INVITE with a stream of its own; null when the media ports ran out (the call has ended then).</summary>
    private Branch? CreateBranch(Binding binding, BranchPurpose purpose, bool toTrunk)
    {
        if (!TryCreateMedia(out var media))
        {
            return null;
        }

        var branch = new Branch(binding, media) { Attempt = _attempt, ToTrunk = toTrunk, Purpose = purpose };
        _branches.Add(branch);
        branch.Transaction = (ClientInviteTransaction)Stack.SendRequest(CreateBranchInvite(branch), binding.Source, this, branch);
        return branch;
    }

    private void OnBranchResponse(Branch branch, SipResponse response)
    {
        lock (_sync)
        {
            if (response.IsProvisional)
            {
                OnBranchProvisional(branch, response);
            }
            else if (response.IsSuccess)
            {
                if (branch.Purpose == BranchPurpose.Consult)
                {
                    OnConsultAnswered(branch, response);
                }
                else
                {
                    OnBranchAnswered(branch, response);
                }
            }
            else if (!TryAnswerTrunkChallenge(branch, response))
            {
                OnBranchFailed(branch, response);
            }
        }
    }

    private void OnBranchFailed(Branch branch, SipResponse response)
    {
        branch.FinalResponse = response;
        branch.Media.Close();
        if (State != CallState.Ended)
        {
            StopAlerting(branch, RingEndOf(response.StatusCode), response.StatusCode);
        }

        if (branch.Purpose == BranchPurpose.Consult)
        {
            OnConsultFailed(branch);
            return;
        }

        if (branch.Attempt == _attempt)
        {
            CheckAttemptFailed();
        }
    }

    /// <summary>When every phone of the current attempt has refused (or answered unusably), nobody took the call.</summary>
    private void CheckAttemptFailed()
    {
        var current = _branches.Where(b => b.Attempt == _attempt && b.Purpose == BranchPurpose.Ring).ToList();
        if (State is CallState.Routing or CallState.Ringing && _answered is null && current.Count > 0 && current.All(b => b.IsDone))
        {
            _ringLimit?.Cancel();
            _attempt++;
            var (outcome, status) = RefusalOf(current);
            RingFailed(outcome, status);
        }
    }

    /// <summary>
    /// What the phones of one person or attempt said together, once all are done: busy when any
    /// was busy (486/600), else the lowest refusal; 480 when none refused (all answered unusably).
    /// </summary>
    private static (RingOutcome Outcome, int Status) RefusalOf(IEnumerable<Branch> done)
    {
        var refusals = done.Select(b => b.FinalResponse).OfType<SipResponse>().Where(r => r.StatusCode >= 300).ToList();
        var status = refusals.Count == 0
            ? SipStatus.TemporarilyUnavailable
            : MapFailure(refusals.OrderBy(r => r.StatusCode is 486 or 600 ? 0 : 1).ThenBy(r => r.StatusCode).First().StatusCode);
        return (status == SipStatus.BusyHere ? RingOutcome.Busy : RingOutcome.Refused, status);
    }

    /// <summary>
    /// Nobody took the call: a queue offer keeps the caller's place, a transfer or camp-on comes
    /// back to the switchboard, a recall waits at the head of the queue; otherwise the policy's
    /// busy or no-answer rule goes on from here (and the switchboard learns whom the call was for).
    /// </summary>
    private void RingFailed(RingOutcome outcome, int status)
    {
        _manager.Queues.Unreserve(this);
        if (_queueOffer is not null)
        {
            QueueOfferFailed();
            return;
        }

        if (_transfer is { } transfer)
        {
            TransferFailed(transfer, outcome);
            return;
        }

        if (_recall is { Ringing: true } recall)
        {
            RecallUnanswered(recall);
            return;
        }

        var busy = outcome is RingOutcome.Busy;
        var rule = busy || outcome == RingOutcome.Unavailable ? _onBusy ?? _onNoAnswer : _onNoAnswer;
        if (rule is not null && _ringTargets.Count > 0)
        {
            _diversion = new Diversion(_ringTargets[0], outcome);
            Emit(Event(CallEventKind.Diverted) with { Party = _ringTargets[0], Outcome = outcome });
        }

        var reason = outcome switch
        {
            RingOutcome.Busy => CallEndReason.Busy,
            RingOutcome.NoAnswer => CallEndReason.NoAnswer,
            RingOutcome.Unavailable => CallEndReason.Unavailable,
            RingOutcome.Refused or RingOutcome.HungUp or RingOutcome.Returned => CallEndReason.Rejected,
            _ => throw new System.Diagnostics.UnreachableException($"RingOutcome {outcome}"),
        };
        Follow(rule, status, reason);
    }

    /// <summary>
    /// The trunk asks who we are (401/407): the INVITE again with our credentials, once, in the same
    /// dialog attempt (same Call-ID and tags, CSeq + 1, RFC 3261 §22.2).
    /// </summary>
    private bool TryAnswerTrunkChallenge(Branch branch, SipResponse response)
    {
        if (!branch.ToTrunk || branch.Challenged || branch.Attempt != _attempt || State is not (CallState.Routing or CallState.Ringing)
            || response.StatusCode is not (SipStatus.Unauthorized or SipStatus.ProxyAuthenticationRequired)
            || _manager.TrunkCredentials is not { } credentials)
        {
            return false;
        }

        var proxy = response.StatusCode == SipStatus.ProxyAuthenticationRequired;
        if (response.Header(proxy ? HeaderName.ProxyAuthenticate : HeaderName.WwwAuthenticate) is not { } value
            || DigestChallenge.TryParse(value) is not { } challenge)
        {
            return false;
        }

        var first = branch.Transaction!.Request;
        var again = Clone(first);
        again.Headers.Set(HeaderName.CSeq, new CSeq(first.CSeq.Number + 1, SipMethod.Invite).ToString());
        again.Headers.Add(proxy ? HeaderName.ProxyAuthorization : HeaderName.Authorization, credentials.Answer(challenge, "INVITE", first.RequestUri.ToString()));
        branch.Challenged = true;
        branch.Transaction = (ClientInviteTransaction)Stack.SendRequest(again, branch.Binding.Source, this, branch);
        return true;
    }

    private void OnBranchProvisional(Branch branch, SipResponse response)
    {
        if (response.StatusCode == SipStatus.Trying || State == CallState.Ended || branch.IsDone)
        {
            return;
        }

        if (!branch.Alerting && !ReferenceEquals(branch, _answered))
        {
            var first = !IsAlerting(branch.Party);
            branch.Alerting = true;
            if (first)
            {
                Emit(Event(CallEventKind.Ringing) with { Party = branch.Party });
            }
        }

        if (branch.Purpose == BranchPurpose.Consult || branch.Attempt != _attempt || State is not (CallState.Routing or CallState.Ringing))
        {
            return;
        }

        if (!CallerAnswered)
        {
            // The phone's early media is for our stream, not the caller's: the caller gets the status only.
            var relayed = _invite.CreateResponse(response.StatusCode == SipStatus.SessionProgress ? SipStatus.Ringing : response.StatusCode, response.ReasonPhrase);
            relayed.Headers.Add(HeaderName.Contact, CallerContact().ToString());
            _invite.TryRespond(relayed);
        }

        State = CallState.Ringing;
    }

    private void OnBranchAnswered(Branch branch, SipResponse response)
    {
        if (!AcknowledgeAnswer(branch, response))
        {
            return; // A retransmitted 2xx within the transaction: ACKed again, nothing more.
        }

        if (State is CallState.Answered or CallState.Ended || branch.Attempt != _attempt || _answered is not null)
        {
            // A second phone answered, or an earlier attempt's phone: that phone gets a BYE at once.
            StopAlerting(branch, RingEndReason.AnsweredElsewhere);
            ReleaseBranch(branch);
            return;
        }

        if (!ApplyAnswer(branch, response))
        {
            // The phone's SDP is unusable: it is hung up and counts as having refused.
            StopAlerting(branch, RingEndReason.NoUsableMedia);
            ReleaseBranch(branch);
            CheckAttemptFailed();
            return;
        }

        if (!AnswerCaller())
        {
            // The caller's CANCEL won (our 200 could not go out): the call is over.
            StopAlerting(branch, RingEndReason.CallerGone);
            ReleaseBranch(branch);
            End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
            return;
        }

        AnsweredBy(branch);
        _answered = branch;
        _answeredAt = Stack.Scheduler.Time.GetUtcNow();
        var picked = _pickedBy;
        _ringLimit?.Cancel();
        StopCallerPlayer();
        CancelBranches(except: branch);

        // The other phones of this attempt are being cancelled: their refusals come too late to count.
        _attempt++;
        State = CallState.Answered;
        ConnectCaller(branch);

        // Answered before the queue lets go, so the member is busy before they are no longer offered.
        Emit(Event(CallEventKind.Answered) with { AnsweredBy = branch.Party, Operator = picked });
        LeaveQueue(answeredBy: branch.Party);
        _manager.Queues.Unreserve(this);
        OnConnected(branch);
    }

    /// <summary>ACKs a 2xx (again, for a retransmission); false when this 2xx was seen before.</summary>
    private bool AcknowledgeAnswer(Branch branch, SipResponse response)
    {
        if (branch.Dialog is { } first && first.Id.RemoteTag != (response.To.Tag ?? ""))
        {
            // A 2xx from another fork (a trunk that forks): its own dialog, ACKed and hung up
            // at once (RFC 3261 §13.2.2.4); the call keeps the first.
            var extra = Dialog.CreateUac(branch.Transaction!.Request, response, branch.Binding.Source, CalleeContact(branch.Binding));
            Stack.SendAck(extra.CreateAck(branch.Transaction.Request.CSeq.Number), extra.Peer);
            Stack.SendRequest(extra.CreateRequest(SipMethod.Bye), extra.Peer, this);
            return false;
        }

        var dialog = branch.Dialog ?? Dialog.CreateUac(branch.Transaction!.Request, response, branch.Binding.Source, CalleeContact(branch.Binding));
        branch.Dialog = dialog;
        branch.FinalResponse = response;
        if (branch.Ack is not null)
        {
            Stack.SendAck(Clone(branch.Ack), dialog.Peer);
            return false;
        }

        // Findable before the ACK leaves: the phone may hang up the instant it has it, and its BYE may
        // come in on another receive thread (it then waits for this lock). A branch that is released
        // below instead (answered elsewhere, unusable SDP) is found as released and answered 481.
        // Once the call has ended its dialogs are gone from the index, and this one must not return.
        if (State != CallState.Ended)
        {
            _manager.Index(dialog.Id, this, CallSide.Callee);
        }

        branch.Ack = dialog.CreateAck(branch.Transaction!.Request.CSeq.Number);
        Stack.SendAck(Clone(branch.Ack), dialog.Peer);
        return true;
    }

    /// <summary>Bridges the caller's stream with a phone's (replacing any bridge before).</summary>
    private void ConnectCaller(Branch branch)
    {
        _bridge?.Dispose();
        _bridge = new Bridge(_callerMedia!.Stream, branch.Media.Stream, _manager.Media.Clock, _manager.MusicOnHold);
        _bridge.Digit += (stream, digit) => QueueDigit(ReferenceEquals(stream, _callerMedia?.Stream) ? CallSide.Caller : CallSide.Callee, digit);
    }

    /// <summary>The callee's SDP answer to our offer; false when it accepted none of our audio.</summary>
    private static bool ApplyAnswer(Branch branch, SipResponse response)
    {
        try
        {
            return !response.Body.IsEmpty && branch.Media.ApplyAnswer(response);
        }
        catch (Omstilling.Media.Sdp.SdpParseException)
        {
            return false;
        }
    }

    private void OnRingLimit(int attempt)
    {
        lock (_sync)
        {
            if (attempt != _attempt || State is not (CallState.Routing or CallState.Ringing) || _answered is not null)
            {
                return;
            }

            AbandonAttempt();
            RingFailed(RingOutcome.NoAnswer, SipStatus.TemporarilyUnavailable);
        }
    }

    /// <summary>Cancels every ringing branch for the caller (not the operator's consultation).</summary>
    private void CancelBranches(Branch? except)
    {
        foreach (var b in _branches)
        {
            if (!ReferenceEquals(b, except) && !b.IsDone && b.Purpose == BranchPurpose.Ring)
            {
                b.Transaction?.Cancel();
            }
        }
    }

    /// <summary>A phone that rang stops ringing (refused, cancelled, or answered after another did); the last of the person's phones to stop ends their ringing.</summary>
    private void StopAlerting(Branch branch, RingEndReason why, int? status = null)
    {
        if (branch.Alerting)
        {
            branch.Alerting = false;
            if (!IsAlerting(branch.Party))
            {
                Emit(Event(CallEventKind.RingEnded) with { Party = branch.Party, Status = status, RingEnd = why });
            }
        }
    }

    /// <summary>The person took the call on this phone: none of their phones owes a RingEnded any more (the others are cancelled).</summary>
    private void AnsweredBy(Branch branch)
    {
        foreach (var b in _branches.Where(b => b.Party == branch.Party))
        {
            b.Alerting = false;
        }
    }

    /// <summary>
    /// Whether any phone of the person still rings for this call. Ringing and RingEnded are about
    /// the person: the first of their phones to ring starts it, the last to stop ends it.
    /// </summary>
    private bool IsAlerting(string party) => _branches.Any(b => b.Alerting && b.Party == party);

    /// <summary>Hangs up an answered leg (BYE) or stops a ringing one (CANCEL), once.</summary>
    private void ReleaseBranch(Branch branch)
    {
        if (branch.Dialog is { } dialog && !branch.Released)
        {
            branch.Released = true;
            Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, this);
        }
        else if (!branch.IsDone)
        {
            branch.Transaction?.Cancel();
        }

        branch.Media.Close();
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
            if (!CallerAnswered)
            {
                var busy = _invite.CreateResponse(SipStatus.ServiceUnavailable, "No media ports free");
                busy.Headers.Add(HeaderName.RetryAfter, "5");
                _invite.TryRespond(busy);
            }

            End(CallEndReason.Failed, SipStatus.ServiceUnavailable);
            return false;
        }
    }

    /// <summary>Statuses that describe our own leg to the phone, not the call, become 480 for the caller.</summary>
    private static int MapFailure(int status) => status switch
    {
        600 => SipStatus.BusyHere,
        401 or 407 or 481 or 482 or 483 or 487 or 491 or 408 or 488 => SipStatus.TemporarilyUnavailable,
        _ => status,
    };

    /// <summary>A phone's final refusal as the reason its ringing ended (any status not named here is a refusal).</summary>
    private static RingEndReason RingEndOf(int status) => status switch
    {
        SipStatus.RequestTerminated => RingEndReason.Cancelled,
        SipStatus.BusyHere or 600 => RingEndReason.Busy,
        SipStatus.TemporarilyUnavailable or SipStatus.RequestTimeout => RingEndReason.NoAnswer,
        >= 300 => RingEndReason.Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a final refusal"),
    };

    /// <summary>Our Contact towards a phone: the caller's number at our address.</summary>
    private NameAddress CalleeContact(Binding binding) => _manager.ContactFor(Caller, binding.Source);

    private SipRequest CreateBranchInvite(Branch branch)
    {
        var binding = branch.Binding;
        var local = Stack.LocalEndPointFor(binding.Source);
        var host = Sip.Transactions.SipStack.FormatHost(local.Address);
        var callerRequest = _invite.Request;
        var headers = new SipHeaders(12);

        // The operator's consultation call shows the caller it is about, as the operator's phone would.
        var from = new NameAddress(SipUri.Sip(Caller, host), callerRequest.From.DisplayName).WithTag(SipIds.NewTag());
        headers.Add(HeaderName.From, from.ToString());
        headers.Add(HeaderName.To, new NameAddress(branch.ToTrunk ? binding.Contact : SipUri.Sip(binding.Aor, host)).ToString());
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
