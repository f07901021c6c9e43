using Omstilling.Calls.Media;
using Omstilling.Media.Dtmf;
using Omstilling.Media.Sdp;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>What a request inside one of a call's dialogs means for the call, once it is answered.</summary>
internal enum InDialogOutcome
{
    /// <summary>Answered; nothing changes for the call (OPTIONS, a refusal, an unusable re-INVITE, an INFO without a key).</summary>
    Nothing,

    /// <summary>A BYE, answered 200: the leg is over.</summary>
    Bye,

    /// <summary>A key by SIP INFO (application/dtmf-relay).</summary>
    Key,

    /// <summary>A REFER (RFC 3515), not answered yet: whether and how the caller is transferred is the call's.</summary>
    Refer,

    /// <summary>A re-INVITE, answered on the leg's own stream: it holds (sendonly/inactive) or takes back (sendrecv) the other side.</summary>
    Hold,
}

/// <summary>An answered in-dialog request: what it means, and its key or whether it holds.</summary>
internal readonly record struct InDialogResult(InDialogOutcome Outcome, char Key = default, bool Held = false);

/// <summary>
/// Answers the requests that come inside a call's dialogs, as far as the dialog and the leg's own
/// stream go (RFC 3261 §12.2.2, §14.2): 481 for a dialog that is over, 500 for a CSeq out of order,
/// 200 to BYE, OPTIONS and INFO, a re-INVITE answered on the leg's stream (media is anchored, so
/// the other phone need not know), a REFER left to the call, 501 otherwise. What it means for the call is the call's.
/// </summary>
internal static class InDialogRequests
{
    /// <param name="own">The leg's dialog, or null when there is none (481).</param>
    /// <param name="over">The leg or the call is over (481).</param>
    /// <param name="leg">The caller's leg, which waits for the ACK of a re-INVITE's 2xx; none for a call-back, whose legs are both ours (the 2xx is then sent once).</param>
    public static InDialogResult Answer(ServerTransaction transaction, Dialog? own, bool over, LegMedia? media, CallerLeg? leg)
    {
        var request = transaction.Request;
        if (own is null || over)
        {
            transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
            return new(InDialogOutcome.Nothing);
        }

        if (!own.AcceptRemoteCSeq(request))
        {
            transaction.Respond(SipStatus.ServerInternalError, "CSeq out of order");
            return new(InDialogOutcome.Nothing);
        }

        if (request.Method == SipMethod.Bye)
        {
            transaction.Respond(SipStatus.Ok);
            return new(InDialogOutcome.Bye);
        }

        if (request.Method == SipMethod.Invite)
        {
            return Reinvite(transaction, own, media, leg);
        }

        if (request.Method == SipMethod.Refer)
        {
            return new(InDialogOutcome.Refer);
        }

        if (request.Method == SipMethod.Info)
        {
            transaction.Respond(SipStatus.Ok);
            return SipInfoDtmf.Parse(request.ContentType, request.BodyText) is { } key ? new(InDialogOutcome.Key, key) : new(InDialogOutcome.Nothing);
        }

        transaction.Respond(request.Method == SipMethod.Options ? SipStatus.Ok : SipStatus.NotImplemented);
        return new(InDialogOutcome.Nothing);
    }

    private static InDialogResult Reinvite(ServerTransaction transaction, Dialog own, LegMedia? media, CallerLeg? leg)
    {
        if (media is null || transaction.Request.Body.IsEmpty)
        {
            transaction.Respond(SipStatus.NotAcceptableHere);
            return new(InDialogOutcome.Nothing);
        }

        string? answer;
        try
        {
            answer = media.Answer(transaction.Request);
        }
        catch (SdpParseException)
        {
            transaction.Respond(SipStatus.BadRequest, LegMedia.UnreadableSdp);
            return new(InDialogOutcome.Nothing);
        }

        if (answer is null)
        {
            transaction.Respond(SipStatus.NotAcceptableHere);
            return new(InDialogOutcome.Nothing);
        }

        own.UpdateRemoteTarget(transaction.Request);
        var ok = transaction.CreateResponse(SipStatus.Ok);
        ok.Headers.Add(HeaderName.Contact, own.LocalContact.ToString());
        LegMedia.Attach(ok, answer);
        transaction.Respond(ok);
        leg?.AwaitAck(transaction);
        return new(InDialogOutcome.Hold, Held: !media.PeerDirection.Receives());
    }
}
