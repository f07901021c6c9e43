using Microsoft.Extensions.Logging;
using Omstilling.Calls.Signalling.Referral;
using Omstilling.Policy.Model;
using Omstilling.Policy.Outbound;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>What the manager does for transfers from phones: where a number leads, and joining two calls for an attended transfer.</summary>
public sealed partial class CallManager
{
    PhoneTransferTarget ICallRegistry.ResolveTransferTarget(string number) => ResolveTransferTarget(number);

    void ICallRegistry.StartAttendedTransfer(Call transferee, ServerTransaction refer, Branch from, ReferRequest request, DialogId replaced) =>
        CallFaults.Observe(
            Task.Run(() => JoinConsultation(transferee, refer, from, request, replaced)),
            transferee.Id,
            "an attended transfer from a phone (the REFER is unanswered)");

    /// <summary>
    /// Where a transfer from a phone to <paramref name="number"/> leads: the pass-back code and the
    /// main number to the switchboard; an extension, or a person's direct number, to that person;
    /// another number of the plan is a department's; a Danish or international number (also 00 and a
    /// number abroad, 112, 114) is outside.
    /// </summary>
    internal PhoneTransferTarget ResolveTransferTarget(string number)
    {
        var policy = Policy;
        if (policy is not null && number == policy.PassBackCode)
        {
            return new(PhoneTransferTargetKind.Switchboard);
        }

        PlanNumber? planned = null;
        if (policy is not null && policy.TryFindNumber(number, out var found))
        {
            planned = found;
        }

        if (planned is { Kind: NumberKind.MainNumber })
        {
            return new(PhoneTransferTargetKind.Switchboard);
        }

        var extension = _dialPlan.IsExtension(number) ? number
            : planned is { RingTargets: [var only] } ? only
            : null;
        if (extension is not null)
        {
            return new(PhoneTransferTargetKind.Person, extension, policy?.People.GetValueOrDefault(extension)?.Name);
        }

        return planned is not null ? new(PhoneTransferTargetKind.Department)
            : DanishNumber.TryParse(number, out _) || number.StartsWith('+') || (policy?.Outbound ?? OutboundPermission.Default).Classify(number).Class != NumberClass.None ? new(PhoneTransferTargetKind.External)
            : new(PhoneTransferTargetKind.Unknown);
    }

    /// <summary>
    /// The attended transfer, off every call's lock: the consultation call (found by the dialog the
    /// REFER's Replaces names, from the caller's side) hands over its colleague, then the transferred
    /// call takes them. The two locks are taken one after the other, never together.
    /// </summary>
    private void JoinConsultation(Call transferee, ServerTransaction refer, Branch from, ReferRequest request, DialogId replaced)
    {
        ConsultationHandOff? handOff = null;
        try
        {
            var consultation = ConsultationCall(replaced, from.Party);
            if (consultation is null || ReferenceEquals(consultation, transferee))
            {
                refer.Respond(SipStatus.CallOrTransactionDoesNotExist, "No call of yours to replace");
                return;
            }

            var (given, refused) = consultation.HandOverConsultation(replaced, from.Party, transferee, peek => Refusal(peek, from.Party));
            if (given is null)
            {
                refer.Respond(refused ?? SipStatus.CallOrTransactionDoesNotExist, refused == SipStatus.CallOrTransactionDoesNotExist ? "No call of yours to replace" : "The consultation cannot be joined to the caller");
                return;
            }

            // Completed while the colleague's phone still rang: the person that call dialled, rung for the caller.
            handOff = given.Answered is null ? given with { Extension = ResolveTransferTarget(given.Extension).Extension! } : given;
            LogAttendedTransfer(transferee.Id, from.Party, handOff.Extension, handOff.Answered is not null);
            transferee.CompleteAttendedTransfer(refer, from, request, handOff);
        }
        catch
        {
            // Whatever failed, the phone gets an answer and a colleague's leg handed over is not left to nobody.
            handOff?.Release(Stack, transferee);
            refer.TryRespond(refer.CreateResponse(SipStatus.ServerInternalError));
            throw;
        }
    }

    /// <summary>
    /// Why the consultation may not be joined to the caller, checked before anything changes: a
    /// colleague outside (reached through the trunk: toll fraud), or, still ringing, a number that
    /// is no person's with a phone, or the transferring phone's own.
    /// </summary>
    private int? Refusal(ConsultationPeek peek, string transferor)
    {
        if (peek.Answered is not null)
        {
            return peek.AnsweredToTrunk ? SipStatus.Forbidden : null;
        }

        var target = ResolveTransferTarget(peek.Dialled);
        return target is not { Kind: PhoneTransferTargetKind.Person, Extension: { } extension } || extension == transferor ? SipStatus.Forbidden
            : !_services.CanTake(extension, Stack.Scheduler.Time.GetUtcNow()) ? SipStatus.TemporarilyUnavailable
            : null;
    }

    /// <summary>
    /// The call <paramref name="transferor"/>'s phone made whose dialog with us is <paramref name="replaced"/>:
    /// an answered one is indexed by its dialog; one still ringing (an early dialog) is looked for among the calls.
    /// </summary>
    private Call? ConsultationCall(DialogId replaced, string transferor)
    {
        foreach (var id in new[] { replaced, new DialogId(replaced.CallId, replaced.RemoteTag, replaced.LocalTag) })
        {
            if (_dialogs.TryGetValue(id, out var owner) && owner.Side == CallSide.Caller && owner.Call is Call call)
            {
                return call;
            }
        }

        return Live.FirstOrDefault(c => c.Caller == transferor && c.IsCallerDialog(replaced));
    }

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Call {CallId}: {Transferor} transferred it to {Target} from the phone (attended, target answered: {Answered})")]
    private partial void LogAttendedTransfer(Guid callId, string transferor, string target, bool answered);
}
