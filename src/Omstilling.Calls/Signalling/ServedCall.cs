using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Routing;
using Omstilling.Media.Audio;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Players;
using Omstilling.Media.Sdp;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// A call the platform answers itself: the installers' echo and greeting test numbers, and staff's
/// feature codes (*88, absence, forwarding), which it confirms with a prompt and then ends, and the
/// voicemail number, where a person hears their messages (<see cref="VoicemailAccess.VoicemailAccessSession"/>) (the
/// policy's menus are the <see cref="PolicyRunner"/>'s): one leg, our stream, and an application
/// playing to it and listening for keys.
/// Everything happens under the call's lock; events go out through the <see cref="CallManager"/>.
/// </summary>
internal sealed partial class ServedCall : IDialogOwner, IClientTransactionOwner
{
    private readonly Lock _sync = new();
    private readonly CallManager _manager;
    private readonly ServerInviteTransaction _invite;
    private readonly ServiceNumber _service;
    private readonly IReadOnlyList<string> _confirmation;
    private LegMedia? _media;
    private Dialog? _dialog;
    private PromptPlayer? _player;
    private ServerInviteTransaction? _pendingReinvite;
    private bool _ended;

    /// <param name="confirmation">For a feature code carried out before the call (absence, forwarding): what the caller hears about it.</param>
    public ServedCall(CallManager manager, ServerInviteTransaction invite, string caller, string dialled, ServiceNumber service, IReadOnlyList<string> confirmation)
    {
        _manager = manager;
        _invite = invite;
        _service = service;
        _confirmation = confirmation;
        Caller = caller;
        Dialled = dialled;
        invite.UserState = this;
        invite.AckTimedOut += _ => Hangup(CallEndReason.Failed);
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    public string Caller { get; }

    /// <summary>The SRTP policy of the caller's account, for its leg.</summary>
    public Omstilling.Media.Srtp.SrtpPolicy CallerSrtp { get; init; } = Omstilling.Media.Srtp.SrtpPolicy.Optional;

    public string Dialled { get; }

    private SipStack Stack => _manager.Stack;

    /// <summary>Answers at once with our SDP and starts the service.</summary>
    public void Start()
    {
        lock (_sync)
        {
            Emit(Event(CallEventKind.Started));
            try
            {
                _media = LegMedia.Create(_manager.Media, CallerSrtp, _invite.Incoming.IsSecure);
            }
            catch (InvalidOperationException)
            {
                Refuse(SipStatus.ServiceUnavailable, "No media ports free");
                return;
            }

            string? answer;
            try
            {
                answer = _invite.Request.Body.IsEmpty ? _media.Offer() : _media.Answer(_invite.Request);
            }
            catch (SdpParseException)
            {
                Refuse(SipStatus.BadRequest, LegMedia.UnreadableSdp);
                return;
            }

            if (answer is null)
            {
                Refuse(SipStatus.NotAcceptableHere, LegMedia.NotAcceptable);
                return;
            }

            var contact = _manager.ContactFor(Dialled, _invite.Incoming.Source);
            var ok = _invite.CreateResponse(SipStatus.Ok);
            ok.Headers.Add(HeaderName.Contact, contact.ToString());
            ok.Headers.Add(HeaderName.Allow, CallManager.AllowedMethods);
            LegMedia.Attach(ok, answer);
            _dialog = Dialog.CreateUas(_invite.Request, _invite.LocalTag, _invite.Incoming.Source, contact);

            // Findable before the 2xx leaves: the ACK may come back on another receive thread at once
            // (it then waits for this lock), and an ACK that finds no dialog makes us retransmit the 2xx.
            _manager.Index(_dialog.Id, this, CallSide.Caller);
            if (!_invite.TryRespond(ok))
            {
                End(CallEndReason.CallerCancelled, SipStatus.RequestTerminated); // which unindexes the dialog too
                return;
            }

            Emit(Event(CallEventKind.Answered) with { AnsweredBy = Dialled });
            StartService();
        }
    }

    public void OnInDialogRequest(ServerTransaction transaction, CallSide from)
    {
        lock (_sync)
        {
            var request = transaction.Request;
            if (_dialog is null || _ended)
            {
                transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
                return;
            }

            if (!_dialog.AcceptRemoteCSeq(request))
            {
                transaction.Respond(SipStatus.ServerInternalError, "CSeq out of order");
                return;
            }

            if (request.Method == SipMethod.Bye)
            {
                transaction.Respond(SipStatus.Ok);
                End(CallEndReason.CallerHungUp, null);
            }
            else if (request.Method == SipMethod.Invite)
            {
                Reanswer(transaction);
            }
            else if (request.Method == SipMethod.Info)
            {
                transaction.Respond(SipStatus.Ok);

                // Only the echo test shows the keys it gets: showing them is what it is for.
                if (SipInfoDtmf.Parse(request.ContentType, request.BodyText) is { } digit)
                {
                    if (_service == ServiceNumber.Echo)
                    {
                        Emit(Event(CallEventKind.Digit) with { Digit = digit });
                    }

                    _voicemail?.OnKey(digit);
                }
            }
            else
            {
                if (request.Method == SipMethod.Refer)
                {
                    transaction.Respond(SipStatus.Forbidden, "A service number's call is not transferred");
                }
                else
                {
                    transaction.Respond(request.Method == SipMethod.Options ? SipStatus.Ok : SipStatus.NotImplemented);
                }
            }
        }
    }

    public void OnAck(SipRequest ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        lock (_sync)
        {
            _invite.AckReceived();
            _pendingReinvite?.AckReceived();
            _pendingReinvite = null;
            if (_invite.Request.Body.IsEmpty && !ack.Body.IsEmpty && _media is not null)
            {
                try
                {
                    _media.ApplyAnswer(ack); // late offer: the caller's answer comes in the ACK
                }
                catch (SdpParseException)
                {
                    Hangup(CallEndReason.Failed);
                }
            }
        }
    }

    public void OnStray2xx(DialogId dialogId)
    {
        // We never send INVITEs on this leg, so there is no 2xx of ours to acknowledge again.
    }

    public void OnCallerCancel()
    {
        lock (_sync)
        {
            if (!_invite.IsAnswered)
            {
                Refuse(SipStatus.RequestTerminated, null);
            }
        }
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        // Only our BYE is sent on this leg; its answer changes nothing.
    }

    private void StartService()
    {
        var stream = _media!.Stream;
        switch (_service)
        {
            case ServiceNumber.Echo:
                var echo = new Echo();
                echo.Digit += digit =>
                {
                    lock (_sync)
                    {
                        Emit(Event(CallEventKind.Digit) with { Digit = digit });
                    }
                };
                stream.Listener = echo;
                break;
            case ServiceNumber.Greeting:
                PlayThenHangUp(["goddag"]);
                break;
            case ServiceNumber.MarkMisrouted:
                PlayThenHangUp([_manager.MarkLastTransferMisrouted(Caller) ? "markeret-fejlstillet" : "intet-at-markere"]);
                break;
            case ServiceNumber.SetAbsence:
            case ServiceNumber.ClearAbsence:
            case ServiceNumber.Forwarding:
                PlayThenHangUp(_confirmation);
                break;
            case ServiceNumber.Voicemail:
                StartVoicemail(stream);
                break;
            case ServiceNumber.None:
            default:
                throw new System.Diagnostics.UnreachableException($"ServiceNumber {_service}");
        }
    }

    /// <summary>Plays prompts, then hangs up (half a second of silence first lets the phone's jitter buffer play the end).</summary>
    private void PlayThenHangUp(IReadOnlyList<string> prompts)
    {
        List<AudioClip> clips;
        try
        {
            clips = [.. _manager.Prompts.Get(prompts), AudioClip.Silence(TimeSpan.FromMilliseconds(500))];
        }
        catch (AudioFormatException)
        {
            Hangup(CallEndReason.Failed);
            throw;
        }

        _player = PromptPlayer.Start(_media!.Stream, _manager.Media.Clock, clips);
        var hangUp = _player.Completion.ContinueWith(t => { if (t.Result) { Hangup(CallEndReason.CalleeHungUp); } }, TaskScheduler.Default);
        _manager.CallFaults.Observe(hangUp, Id, "the hang-up after a prompt");
    }

    private void Reanswer(ServerTransaction transaction)
    {
        string? answer;
        try
        {
            answer = transaction.Request.Body.IsEmpty ? null : _media!.Answer(transaction.Request);
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

        _dialog!.UpdateRemoteTarget(transaction.Request);
        var ok = transaction.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Contact, _dialog.LocalContact.ToString());
        LegMedia.Attach(ok, answer);
        transaction.Respond(ok);
        _pendingReinvite = transaction as ServerInviteTransaction;
    }

    public void EndForShutdown()
    {
        lock (_sync)
        {
            if (_invite.IsAnswered && _dialog is not null)
            {
                Hangup(CallEndReason.Shutdown);
            }
            else
            {
                _invite.TryRespond(_invite.CreateResponse(SipStatus.ServiceUnavailable));
                End(CallEndReason.Shutdown, SipStatus.ServiceUnavailable);
            }
        }
    }

    private void Hangup(CallEndReason reason)
    {
        lock (_sync)
        {
            if (_ended || _dialog is null)
            {
                return;
            }

            Stack.SendRequest(_dialog.CreateRequest(SipMethod.Bye), _dialog.Peer, this);
            End(reason, null);
        }
    }

    private void Refuse(int status, string? reason)
    {
        _invite.TryRespond(_invite.CreateResponse(status, reason));
        End(CallEndReason.Rejected, status);
    }

    private void End(CallEndReason reason, int? status)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _player?.Stop();
        _voicemail?.Close();
        _dialog?.Terminate();
        _media?.Close();
        _manager.Remove(Id, _dialog?.Id, []);
        Emit(Event(CallEventKind.Ended) with { EndReason = reason, Status = status });
    }

    private CallEvent Event(CallEventKind kind) => new(Id, kind, Stack.Scheduler.Time.GetUtcNow(), Caller, Dialled);

    private void Emit(CallEvent e) => _manager.Publish(e);
}
