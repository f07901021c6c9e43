using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Players;
using Omstilling.Policy.Model;
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
/// policy's busy and no-answer rules decide what happens otherwise.
/// </summary>
internal sealed partial class Call
{
    private readonly List<Branch> _branches = [];
    private Branch? _answered;
    private int _attempt;
    private PolicyAction? _onBusy;
    private PolicyAction? _onNoAnswer;

    /// <summary>
    /// Rings every phone of the extensions for <paramref name="limit"/>. No phone registered counts
    /// as busy (the policy's words: "all busy or nobody logged in"). A caller already answered hears
    /// the ringing tone meanwhile.
    /// </summary>
    private void Ring(IEnumerable<string> extensions, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer, bool ringback)
    {
        var bindings = extensions.SelectMany(e => _manager.Bindings.Lookup(e)).ToList();
        if (bindings.Count == 0)
        {
            Follow(onBusy ?? onNoAnswer, SipStatus.TemporarilyUnavailable, CallEndReason.Unavailable);
            return;
        }

        StartBranches(bindings, limit, onBusy, onNoAnswer, ringback);
    }

    /// <summary>Calls an external number through the trunk (only numbers the policy names get here).</summary>
    private void Forward(string number, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer)
    {
        if (_manager.Trunk is not { } trunk)
        {
            Emit(CallEventKind.Routed, detail: $"No trunk configured for {number}");
            Follow(onNoAnswer, SipStatus.ServiceUnavailable, CallEndReason.Failed);
            return;
        }

        var uri = SipUri.Sip(number, trunk.DomainOrPeer, trunk.Domain is null ? trunk.Peer.EndPoint.Port : null);
        var binding = new Binding(number, uri, trunk.Peer, DateTimeOffset.MaxValue, "", 0, null);
        StartBranches([binding], limit, onBusy, onNoAnswer, ringback: true, toTrunk: true);
    }

    private void StartBranches(IReadOnlyList<Binding> bindings, TimeSpan limit, PolicyAction? onBusy, PolicyAction? onNoAnswer, bool ringback, bool toTrunk = false)
    {
        _attempt++;
        _onBusy = onBusy;
        _onNoAnswer = onNoAnswer;
        foreach (var binding in bindings)
        {
            if (!TryCreateMedia(out var media))
            {
                CancelBranches(except: null);
                return;
            }

            var branch = new Branch(binding, media) { Attempt = _attempt, ToTrunk = toTrunk };
            _branches.Add(branch);
            branch.Transaction = (ClientInviteTransaction)Stack.SendRequest(CreateBranchInvite(branch), binding.Source, this, branch);
        }

        if (ringback && CallerAnswered)
        {
            _player?.Stop();
            _player = PromptPlayer.Start(_callerMedia!.Stream, _manager.Media.Clock, [_manager.Prompts.Get("ringetone")], loop: true);
        }

        _ringLimit?.Cancel();
        _ringLimit = Stack.Scheduler.Schedule(limit, static s => ((Call)s!).OnRingLimit(), this);
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
                OnBranchAnswered(branch, response);
            }
            else if (!TryAnswerTrunkChallenge(branch, response))
            {
                branch.FinalResponse = response;
                branch.Media.Close();
                var current = _branches.Where(b => b.Attempt == _attempt).ToList();
                if (branch.Attempt == _attempt && State is CallState.Routing or CallState.Ringing && current.All(b => b.IsDone))
                {
                    _ringLimit?.Cancel();
                    var best = current.Select(b => b.FinalResponse!).OrderBy(r => r.StatusCode is 486 or 600 ? 0 : 1).ThenBy(r => r.StatusCode).First();
                    var status = MapFailure(best.StatusCode);
                    if (status == SipStatus.BusyHere)
                    {
                        Follow(_onBusy, status, CallEndReason.Busy);
                    }
                    else
                    {
                        Follow(_onNoAnswer, status, CallEndReason.Rejected);
                    }
                }
            }
        }
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
        if (response.StatusCode == SipStatus.Trying || branch.Attempt != _attempt || State is not (CallState.Routing or CallState.Ringing))
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
        if (State is CallState.Answered or CallState.Ended || branch.Attempt != _attempt || !ApplyAnswer(branch, response) || !AnswerCaller())
        {
            // A second phone answered, an earlier attempt's phone, the caller is gone, or the
            // phone's SDP is unusable: that phone gets a BYE at once.
            Stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, this);
            branch.Media.Close();
            if (State != CallState.Ended && !CallerAnswered)
            {
                End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
            }

            return;
        }

        _answered = branch;
        _ringLimit?.Cancel();
        _player?.Stop();
        _player = null;
        CancelBranches(except: branch);
        State = CallState.Answered;
        _bridge = new Bridge(_callerMedia!.Stream, branch.Media.Stream, _manager.Media.Clock, _manager.MusicOnHold);
        _bridge.Digit += (stream, digit) =>
        {
            lock (_sync)
            {
                OnDigit(ReferenceEquals(stream, _callerMedia?.Stream) ? CallSide.Caller : CallSide.Callee, digit);
            }
        };
        _manager.Index(dialog.Id, this, CallSide.Callee);
        Emit(CallEventKind.Answered, answeredBy: branch.Binding.Aor);
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

    private void OnRingLimit()
    {
        lock (_sync)
        {
            if (State is not (CallState.Routing or CallState.Ringing) || _answered is not null)
            {
                return;
            }

            CancelBranches(except: null);
            Follow(_onNoAnswer, SipStatus.TemporarilyUnavailable, CallEndReason.NoAnswer);
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
