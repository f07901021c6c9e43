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
    /// and the phone's person is <paramref name="transferor"/> (one of our phones, not a caller from
    /// outside). <paramref name="check"/> first says, from what the consultation reached, whether the
    /// transfer may go ahead (a status to refuse it with, or null), so a refused transfer leaves this
    /// call as it was. Going ahead, it ends (the phone's leg is hung up, or its INVITE refused 487)
    /// and gives up the colleague's answered leg to <paramref name="transferee"/> (its dialog is that
    /// call's from now on, and the colleague is reserved for it so no queue offers them a caller
    /// meanwhile), or the number it was ringing.
    /// </summary>
    public (ConsultationHandOff? HandOff, int? Refusal) HandOverConsultation(DialogId replaced, string transferor, Call transferee, Func<ConsultationPeek, int?> check)
    {
        lock (_sync)
        {
            if (_ended || FromOutside || Caller != transferor || !IsCallerDialog(replaced) || _transfers.Session is not null)
            {
                return (null, SipStatus.CallOrTransactionDoesNotExist);
            }

            if (_connection.Party is { State: BranchState.Answered, Dialog: { } dialog } colleague)
            {
                if (check(new ConsultationPeek(colleague.Party, colleague.ToTrunk, Dialled)) is { } refused)
                {
                    return (null, refused);
                }

                _services.Queues.Reserve(transferee, [colleague.Party]);
                var adopted = colleague.HandOver(RingGroup.TakenOver(colleague.Party));
                _services.Registry.Index(dialog.Id, transferee, CallSide.Callee);
                _connection.Leave();
                End(Events.CallEndReason.Transferred, null);
                return (new ConsultationHandOff(adopted, adopted.Party), null);
            }

            // Nobody answered the phone yet: its colleague still rings, or the platform speaks for them
            // (their absence greeting, their voicemail). The caller is put through to the number the
            // phone dialled, by that person's rules, as a blind transfer.
            if (_connection.Party is null && (_ringer.Current is { IsRinging: true } || _leg.IsAnswered))
            {
                if (check(new ConsultationPeek(null, false, Dialled)) is { } refused)
                {
                    return (null, refused);
                }

                if (_ringer.Current is { IsRinging: true })
                {
                    _ringer.AbandonCurrent();
                }

                End(Events.CallEndReason.Transferred, _leg.IsAnswered ? null : SipStatus.RequestTerminated);
                return (new ConsultationHandOff(null, Dialled), null);
            }

            return (null, SipStatus.CallOrTransactionDoesNotExist);
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
                _services.Queues.Unreserve(this);
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
