using Omstilling.Calls.Media;
using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Players;
using Omstilling.Media.Rtp;
using Omstilling.Media.Sdp;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>The caller's leg, our UAS side (RFC 3261 §13.3).</summary>
internal enum CallerLegState
{
    /// <summary>The INVITE is here; no final response yet.</summary>
    Offered,

    /// <summary>A phone rings for the caller: its 180 (or 183) was relayed.</summary>
    Early,

    /// <summary>Our 200 went out: a dialog with the caller (the platform's menu, message or a phone's answer).</summary>
    Answered,

    /// <summary>The answered caller hung up, or we did.</summary>
    Released,

    /// <summary>A final refusal went out (busy, unavailable, cancelled, an error).</summary>
    Refused,
}

/// <summary>What the media of the caller's SDP offer allows.</summary>
internal enum CallerMediaSetup
{
    /// <summary>Ready to answer (or the INVITE had no offer: ours goes in the 200, its answer in the ACK).</summary>
    Ready,

    /// <summary>The SDP could not be read: 400.</summary>
    Unreadable,

    /// <summary>No audio we share (PCMA or PCMU): 488.</summary>
    NoCommonCodec,
}

/// <summary>
/// The caller's leg: its INVITE transaction, its dialog once answered, its stream and what plays
/// on it. Media is anchored, so what the caller hears is always our stream: prompts, music, the
/// ringing tone, or a phone through the call's bridge. Owned by its call and used under the call's lock.
/// </summary>
internal sealed class CallerLeg(ServerInviteTransaction invite, SipStack stack, ICallRegistry registry, IDialogOwner owner, IClientTransactionOwner responses, IMediaClock clock, string dialled)
{
    private string? _answer;
    private ServerInviteTransaction? _pendingReinvite;
    private PromptPlayer? _player;

    public CallerLegState State { get; private set; }

    public ServerInviteTransaction Invite { get; } = invite;

    /// <summary>Our stream towards the caller, once made.</summary>
    public LegMedia? Media { get; private set; }

    /// <summary>The dialog with the caller, once answered (kept after it is released).</summary>
    public Dialog? Dialog { get; private set; }

    /// <summary>Our 200 went out (the leg may since have been released).</summary>
    public bool IsAnswered => Dialog is not null;

    public bool IsReleased => State == CallerLegState.Released;

    /// <summary>What plays to the caller now (a prompt, music, the ringing tone), if anything.</summary>
    public PromptPlayer? Player => _player;

    /// <summary>Takes <paramref name="media"/> as the caller's stream and answers the INVITE's SDP offer (kept for our 200).</summary>
    public CallerMediaSetup PrepareMedia(LegMedia media)
    {
        Media = media;
        if (Invite.Request.Body.IsEmpty)
        {
            return CallerMediaSetup.Ready;
        }

        try
        {
            _answer = media.Answer(Invite.Request);
        }
        catch (SdpParseException)
        {
            return CallerMediaSetup.Unreadable;
        }

        return _answer is null ? CallerMediaSetup.NoCommonCodec : CallerMediaSetup.Ready;
    }

    /// <summary>Answers the caller with our SDP; false when the caller's CANCEL won (our 200 could not go out).</summary>
    public bool Answer(IRtpListener listener)
    {
        if (IsAnswered)
        {
            return true;
        }

        var ok = Invite.CreateResponse(SipStatus.Ok);
        var contact = Contact();
        ok.Headers.Add(HeaderName.Contact, contact.ToString());
        ok.Headers.Add(HeaderName.Allow, CallManager.AllowedMethods);
        LegMedia.Attach(ok, _answer ?? Media!.Offer());
        var dialog = Dialog.CreateUas(Invite.Request, Invite.LocalTag, Invite.Incoming.Source, contact);

        // Findable before the 2xx leaves: the ACK may come back on another receive thread at once
        // (it then waits for the call's lock), and an ACK that finds no dialog makes us retransmit the 2xx.
        registry.Index(dialog.Id, owner, CallSide.Caller);
        if (!Invite.TryRespond(ok))
        {
            registry.Unindex(dialog.Id);
            return false;
        }

        Dialog = dialog;
        State = CallerLegState.Answered;
        Media!.Stream.Listener = listener;
        return true;
    }

    /// <summary>A phone's 180 or 183 to the caller, as a 180 (the phone's early media is for our stream, not the caller's).</summary>
    public void RelayRinging(SipResponse response)
    {
        if (State is not (CallerLegState.Offered or CallerLegState.Early))
        {
            return;
        }

        var relayed = Invite.CreateResponse(response.StatusCode == SipStatus.SessionProgress ? SipStatus.Ringing : response.StatusCode, response.ReasonPhrase);
        relayed.Headers.Add(HeaderName.Contact, Contact().ToString());
        if (Invite.TryRespond(relayed))
        {
            State = CallerLegState.Early;
        }
    }

    /// <summary>A final refusal, while the caller is not answered (else nothing).</summary>
    public void Refuse(int status, string? reason = null, string? retryAfter = null)
    {
        if (IsAnswered)
        {
            return;
        }

        var response = Invite.CreateResponse(status, reason);
        if (retryAfter is not null)
        {
            response.Headers.Add(HeaderName.RetryAfter, retryAfter);
        }

        if (Invite.TryRespond(response))
        {
            State = CallerLegState.Refused;
        }
    }

    /// <summary>
    /// An ACK in the caller's dialog: for our 2xx to the INVITE or to a re-INVITE. After an INVITE
    /// without SDP (a late offer, as some trunks send), our 2xx carried the offer and this ACK
    /// carries the caller's answer (RFC 3261 §13.2.1).
    /// </summary>
    public void OnAck(SipRequest ack)
    {
        Invite.AckReceived();
        _pendingReinvite?.AckReceived();
        _pendingReinvite = null;
        if (_answer is null && Media is not null && !ack.Body.IsEmpty)
        {
            try
            {
                _answer = Media.ApplyAnswer(ack) ? "applied" : null;
            }
            catch (SdpParseException)
            {
                _answer = null;
            }
        }
    }

    /// <summary>A re-INVITE from the caller or a phone was answered 2xx: its ACK ends our 2xx's retransmissions.</summary>
    public void AwaitAck(ServerTransaction transaction) => _pendingReinvite = transaction as ServerInviteTransaction;

    /// <summary>The caller hung up (their BYE, answered 200 by the call).</summary>
    public void OnBye()
    {
        if (State == CallerLegState.Answered)
        {
            State = CallerLegState.Released;
        }
    }

    /// <summary>We hang up on an answered caller (BYE), once.</summary>
    public void HangUp()
    {
        if (State != CallerLegState.Answered)
        {
            return;
        }

        State = CallerLegState.Released;
        stack.SendRequest(Dialog!.CreateRequest(SipMethod.Bye), Dialog.Peer, responses);
    }

    /// <summary>Plays to the caller (replacing what played); looping clips play until something else does.</summary>
    public PromptPlayer Play(IReadOnlyList<AudioClip> clips, bool loop = false)
    {
        _player?.Stop();
        _player = PromptPlayer.Start(Media!.Stream, clock, clips, loop);
        return _player;
    }

    /// <summary>Whether <paramref name="player"/> is still what plays to the caller (it finished while nothing replaced it).</summary>
    public bool IsPlaying(PromptPlayer player) => ReferenceEquals(_player, player);

    /// <summary>The caller hears nothing from us now.</summary>
    public void StopPlaying()
    {
        _player?.Stop();
        _player = null;
    }

    /// <summary>The end of the call: the dialog is over and the stream closed.</summary>
    public void Close()
    {
        StopPlaying();
        Dialog?.Terminate();
        Media?.Close();
    }

    /// <summary>Our Contact towards the caller: the dialled number at our address.</summary>
    private NameAddress Contact() => registry.ContactFor(dialled, Invite.Incoming.Source);
}
