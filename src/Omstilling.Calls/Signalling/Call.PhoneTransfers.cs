using Omstilling.Calls.Signalling.Referral;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// An attended transfer from a phone joins two calls: the caller's (this one, where the REFER
/// came) and the phone's own consultation call to a colleague, which hands the colleague's leg
/// over. Each call's part is done under its own lock, never both at once (docs/transfers.md).
/// </summary>
internal sealed partial class Call
{
    /// <summary>
    /// This call is a phone's consultation whose dialog with the phone is <paramref name="replaced"/>
    /// and the phone's person is <paramref name="transferor"/>: it ends (the phone's leg is hung up,
    /// or its INVITE refused 487) and gives up the colleague's answered leg, or whom it was ringing.
    /// Null when it is no such call (any more).
    /// </summary>
    public ConsultationHandOff? HandOverConsultation(DialogId replaced, string transferor)
    {
        lock (_sync)
        {
            if (_ended || Caller != transferor || !IsCallerDialog(replaced))
            {
                return null;
            }

            if (_connection.Party is { State: BranchState.Answered } colleague && _transfers.Session is null)
            {
                var adopted = colleague.HandOver(RingGroup.TakenOver(colleague.Party));
                _connection.Leave();
                End(Events.CallEndReason.Transferred, null);
                return new ConsultationHandOff(adopted, adopted.Party);
            }

            if (_connection.Party is null && _ringer.Current is { IsRinging: true } && !_leg.IsAnswered)
            {
                _ringer.AbandonCurrent();
                End(Events.CallEndReason.Transferred, SipStatus.RequestTerminated);
                return new ConsultationHandOff(null, Dialled);
            }

            return null;
        }
    }

    /// <summary>The attended transfer's last step, under this call's lock: the colleague joins the caller (or is rung for them).</summary>
    public void CompleteAttendedTransfer(ServerTransaction refer, Branch from, ReferRequest request, ConsultationHandOff handOff)
    {
        lock (_sync)
        {
            if (_ended)
            {
                handOff.Release(_services.Stack, this);
                refer.Respond(SipStatus.CallOrTransactionDoesNotExist, "The call to transfer is over");
                return;
            }

            Guarded(() => _phoneTransfers.CompleteAttended(refer, from, request, handOff), "an attended transfer from a phone");
        }
    }

    /// <summary>Whether <paramref name="id"/> is the caller's dialog with us, confirmed or early (either way round, as phones differ); reads only the INVITE, so needs no lock.</summary>
    internal bool IsCallerDialog(DialogId id)
    {
        var invite = _leg.Invite;
        var ours = new DialogId(invite.Request.CallId, invite.LocalTag, invite.Request.From.Tag ?? "");
        return id == ours || id == new DialogId(ours.CallId, ours.RemoteTag, ours.LocalTag);
    }
}
