using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Players;
using Omstilling.Media.Sdp;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>The caller's leg: its media, answering it, and what it sends inside its dialog.</summary>
internal sealed partial class Call
{
    /// <summary>The caller cancelled before an answer (§9.2): stop ringing and answer the INVITE 487.</summary>
    public void OnCallerCancel()
    {
        lock (_sync)
        {
            if (CallerAnswered || State == CallState.Ended)
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
            var branch = from == CallSide.Callee ? BranchOf(DialogId.ForIncoming(request)) : null;
            var own = from == CallSide.Caller ? _callerDialog : branch?.Dialog;
            if (own is null || State == CallState.Ended || (branch?.Released ?? _callerReleased))
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
                if (branch is null)
                {
                    _callerReleased = true;
                    End(CallEndReason.CallerHungUp, null);
                }
                else
                {
                    branch.Released = true;
                    branch.Media.Close();
                    OnPartyHungUp(branch);
                }

                return;
            }

            if (request.Method == SipMethod.Invite)
            {
                OnReinvite(transaction, own, branch);
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
            var branch = BranchOf(dialogId);
            if (branch?.Ack is { } ack && branch.Dialog is { } dialog)
            {
                Stack.SendAck(Clone(ack), dialog.Peer);
            }
        }
    }

    /// <summary>Creates our stream towards the caller and answers its SDP offer (kept for our 200); false when the call ended instead.</summary>
    private bool PrepareCallerMedia()
    {
        if (!TryCreateMedia(out var media))
        {
            return false;
        }

        _callerMedia = media;
        try
        {
            _callerAnswer = _invite.Request.Body.IsEmpty ? null : media.Answer(_invite.Request);
        }
        catch (SdpParseException)
        {
            Refuse(SipStatus.BadRequest, LegMedia.UnreadableSdp, CallEndReason.Rejected);
            return false;
        }

        if (!_invite.Request.Body.IsEmpty && _callerAnswer is null)
        {
            Refuse(SipStatus.NotAcceptableHere, "No common audio codec (PCMA or PCMU)", CallEndReason.Rejected);
            return false;
        }

        return true;
    }

    /// <summary>Answers the caller with our SDP (before a menu or message, or when a phone answered); false when the caller's CANCEL won.</summary>
    private bool AnswerCaller()
    {
        if (CallerAnswered)
        {
            return true;
        }

        var ok = _invite.CreateResponse(SipStatus.Ok);
        var contact = CallerContact();
        ok.Headers.Add(HeaderName.Contact, contact.ToString());
        ok.Headers.Add(HeaderName.Allow, CallManager.AllowedMethods);
        LegMedia.Attach(ok, _callerAnswer ?? _callerMedia!.Offer());
        var dialog = Dialog.CreateUas(_invite.Request, _invite.LocalTag, _invite.Incoming.Source, contact);

        // Findable before the 2xx leaves: the ACK may come back on another receive thread at once
        // (it then waits for this lock), and an ACK that finds no dialog makes us retransmit the 2xx.
        _manager.Index(dialog.Id, this, CallSide.Caller);
        if (!_invite.TryRespond(ok))
        {
            _manager.Unindex(dialog.Id);
            return false;
        }

        _callerDialog = dialog;
        _callerMedia!.Stream.Listener = _callerKeys ??= new CallerKeys(this);
        return true;
    }

    /// <summary>
    /// A re-INVITE from one phone is answered here, on that phone's own stream: media is anchored,
    /// so the other phone need not know. Hold (sendonly/inactive) gives the other party music.
    /// </summary>
    private void OnReinvite(ServerTransaction transaction, Dialog own, Branch? branch)
    {
        var media = branch is null ? _callerMedia : branch.Media;
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
        catch (SdpParseException)
        {
            transaction.Respond(SipStatus.BadRequest, LegMedia.UnreadableSdp);
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
        var bridge = _bridge is { } b && (ReferenceEquals(b.A, media.Stream) || ReferenceEquals(b.B, media.Stream)) ? b
            : _consultBridge is { } c && (ReferenceEquals(c.A, media.Stream) || ReferenceEquals(c.B, media.Stream)) ? c
            : null;
        var party = branch?.Party ?? Caller;
        if (media.PeerDirection.Receives())
        {
            bridge?.Resume(media.Stream);
            if (ReferenceEquals(branch, _answered))
            {
                _held = false; // The phone took the caller back itself.
            }

            Emit(Event(CallEventKind.Resumed) with { Party = party });
        }
        else
        {
            bridge?.Hold(media.Stream);
            Emit(Event(CallEventKind.Held) with { Party = party });
        }
    }

    /// <summary>
    /// A key press: a menu's choice while one is offered, otherwise passed to the other party (RFC
    /// 4733). The key itself is not recorded: a caller may be typing a CPR number or a PIN for the
    /// other party; a menu records the option chosen (<see cref="CallEventKind.MenuChoice"/>).
    /// </summary>
    private void OnDigit(CallSide from, char digit)
    {
        if (from == CallSide.Caller && _menu is not null)
        {
            OnMenuKey(digit);
            return;
        }

        if (from == CallSide.Caller && _recorder is not null)
        {
            _recorder.OnDigit(_callerMedia!.Stream, digit);
            return;
        }

        var other = from == CallSide.Caller ? _answered?.Media.Stream : _callerMedia?.Stream;
        if (other is { CanSendDigits: true } && _bridge is not null && Consulting is null)
        {
            DtmfSender.Start(other, _manager.Media.Clock, digit.ToString());
        }
    }

    /// <summary>Plays prompts to the (answered) caller, then runs <paramref name="then"/> under the lock.</summary>
    private void PlayThen(IReadOnlyList<string> prompts, Action then)
    {
        if (!AnswerCaller())
        {
            End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated);
            return;
        }

        _player?.Stop();
        var player = PromptPlayer.Start(_callerMedia!.Stream, _manager.Media.Clock, _manager.Prompts.Get(prompts));
        _player = player;
        ListenToCaller();
        var next = player.Completion.ContinueWith(
            t =>
            {
                lock (_sync)
                {
                    if (t.Result && ReferenceEquals(_player, player) && State != CallState.Ended)
                    {
                        _player = null;
                        Guarded(then);
                    }
                }
            },
            TaskScheduler.Default);
        _manager.CallFaults.Observe(next, Id, "what follows a prompt");
    }

    /// <summary>
    /// Runs what follows a prompt or a recording (under the lock); a failure there (a prompt that
    /// cannot be read, a full disk) ends the call cleanly instead of leaving the caller in silence.
    /// </summary>
    private void Guarded(Action next)
    {
        try
        {
            next();
        }
#pragma warning disable CA1031 // Any failure must end the call in a defined state; it is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _manager.CallFaults.Contain(e, Id, "the call (ended)");
            End(CallEndReason.Failed, null);
        }
    }

    /// <summary>Ends a call that could not be started (its handling threw); called by the manager.</summary>
    internal void Abort()
    {
        lock (_sync)
        {
            if (!CallerAnswered)
            {
                _invite.TryRespond(_invite.CreateResponse(SipStatus.ServerInternalError));
            }

            End(CallEndReason.Failed, SipStatus.ServerInternalError);
        }
    }

    /// <summary>
    /// A key from a media stream: handled on the thread pool, never on the RTP receive thread (it
    /// must not wait for this call's lock), one at a time and in the order they came.
    /// </summary>
    private void QueueDigit(CallSide from, char digit)
    {
        _digits.Enqueue((from, digit));
        if (Interlocked.CompareExchange(ref _digitsDraining, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static call => call.DrainDigits(), this, preferLocal: false);
        }
    }

    private void DrainDigits()
    {
        while (true)
        {
            while (_digits.TryDequeue(out var key))
            {
                lock (_sync)
                {
                    if (State != CallState.Ended)
                    {
                        Guarded(() => OnDigit(key.Side, key.Digit));
                    }
                }
            }

            Volatile.Write(ref _digitsDraining, 0);
            if (_digits.IsEmpty || Interlocked.CompareExchange(ref _digitsDraining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Plays one clip over and over to the caller (ringing tone, music) until something else plays.</summary>
    private void PlayToCaller(Omstilling.Media.Audio.AudioClip clip)
    {
        _player?.Stop();
        _player = PromptPlayer.Start(_callerMedia!.Stream, _manager.Media.Clock, [clip], loop: true);
        ListenToCaller();
    }

    private void StopCallerPlayer()
    {
        _player?.Stop();
        _player = null;
    }

    private CallerKeys? _callerKeys;
    private readonly System.Collections.Concurrent.ConcurrentQueue<(CallSide Side, char Digit)> _digits = new();
    private int _digitsDraining;

    /// <summary>The caller's keys (and audio, for a recorder) come here while no bridge takes its stream.</summary>
    private void ListenToCaller()
    {
        if (_bridge is null && _callerMedia is { } media)
        {
            media.Stream.Listener = _callerKeys ??= new CallerKeys(this);
        }
    }

    /// <summary>The platform ends the call: the caller and every leg still up are hung up (in <see cref="End"/>).</summary>
    private void HangUp(CallEndReason reason) => End(reason, null);

    private void OnAckTimedOut()
    {
        lock (_sync)
        {
            if (State == CallState.Ended || !CallerAnswered)
            {
                return;
            }

            End(CallEndReason.Failed, null);
        }
    }

    private Branch? BranchOf(DialogId id) => _branches.FirstOrDefault(b => b.Dialog is { } d && d.Id == id);

    private void Refuse(int status, string? reason, CallEndReason endReason)
    {
        _invite.TryRespond(_invite.CreateResponse(status, reason));
        End(endReason, status);
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

    /// <summary>The caller's key presses while no bridge listens to its stream (menus, messages, voicemail).</summary>
    private sealed class CallerKeys(Call call) : Omstilling.Media.Rtp.IRtpListener
    {
        public void OnAudio(Omstilling.Media.Rtp.RtpStream stream, ReadOnlySpan<byte> payload, bool marker) =>
            call._recorder?.OnAudio(stream, payload, marker);

        public void OnDigit(Omstilling.Media.Rtp.RtpStream stream, char digit) => call.QueueDigit(CallSide.Caller, digit);
    }
}
