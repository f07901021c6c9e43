using Omstilling.Calls.Control;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling.Referral;

/// <summary>
/// Transfers made from a phone (RFC 3515 REFER, docs/transfers.md): the person talking to the
/// caller sends a REFER in their leg's dialog. Blind to a person: answered 202, reported with
/// NOTIFY, then the operator's blind transfer (the person is released, the target rings for the
/// caller, an unanswered transfer comes back to the person when they are free, else to the
/// switchboard). To the main number or the pass-back code: "fejlopkald", the caller to the head of
/// the switchboard's queue. With Replaces (attended): the manager joins the phone's own
/// consultation call to this one, outside this call's lock (<see cref="ICallRegistry.StartAttendedTransfer"/>).
/// Owned by its call and used under the call's lock.
/// </summary>
internal sealed class PhoneTransfers(Call call, CallServices services, Connection connection, Transfers transfers)
{
    /// <summary>A REFER in one of the call's dialogs; <paramref name="from"/> is the leg it came on, null for the caller's.</summary>
    public void OnRefer(ServerTransaction refer, Branch? from)
    {
        if (from is null || !ReferenceEquals(from, connection.Party) || from.ToTrunk)
        {
            // The caller's own phone, a leg not talking to the caller (a consultation's target), or
            // a number outside reached through the trunk (a forward): none of ours to transfer from.
            refer.Respond(SipStatus.Forbidden, "Only the person talking to the caller can transfer the call");
            return;
        }

        var parsed = ReferRequest.Parse(refer.Request);
        if (parsed.Request is not { } request)
        {
            refer.Respond(parsed.Status, parsed.Reason);
            return;
        }

        if (transfers.Refusal(from.Party, allowFailedConsult: true) is { } refused)
        {
            Refuse(refer, refused);
            return;
        }

        if (request.Replaces is { } replaced)
        {
            services.Registry.StartAttendedTransfer(call, refer, from, request, replaced);
            return;
        }

        var target = services.Registry.ResolveTransferTarget(request.Number);
        switch (target.Kind)
        {
            case PhoneTransferTargetKind.Person:
                Blind(refer, from, request, target.Extension!, target.Name);
                return;
            case PhoneTransferTargetKind.Switchboard when services.Policy is not { Switchboard.QueueId: { } queue } || !services.Policy.Queues.ContainsKey(queue):
                refer.Respond(SipStatus.TemporarilyUnavailable, "The switchboard has no queue to pass the caller back to");
                return;
            case PhoneTransferTargetKind.Switchboard:
                Accept(refer, from, request);
                Expect(transfers.PassBack(from.Party, services.Policy.People.GetValueOrDefault(from.Party)?.Name));
                return;
            case PhoneTransferTargetKind.Department:
                refer.Respond(SipStatus.Forbidden, "A department's number is put through by the switchboard");
                return;
            case PhoneTransferTargetKind.External:
                refer.Respond(SipStatus.Forbidden, "Calls are not transferred to numbers outside");
                return;
            case PhoneTransferTargetKind.Unknown:
                refer.Respond(SipStatus.NotFound, "No such number");
                return;
            default:
                throw new System.Diagnostics.UnreachableException($"PhoneTransferTargetKind {target.Kind}");
        }
    }

    /// <summary>
    /// The attended transfer's other half, back under this call's lock: <paramref name="handOff"/> is
    /// what the consultation call gave up (its answered target, or the extension it still rang).
    /// </summary>
    public void CompleteAttended(ServerTransaction refer, Branch from, ReferRequest request, ConsultationHandOff handOff)
    {
        if (!ReferenceEquals(from, connection.Party) || transfers.Refusal(from.Party, allowFailedConsult: true) is not null)
        {
            handOff.Release(services.Stack, call);
            services.Queues.Unreserve(call); // the colleague reserved for the join is free again
            refer.Respond(SipStatus.CallOrTransactionDoesNotExist, "The call to transfer is over");
            return;
        }

        if (handOff.Answered is { } target)
        {
            Accept(refer, from, request);
            Expect(transfers.JoinFromConsultation(from.Party, target));
            return;
        }

        // The phone completed before the colleague answered: a blind transfer to them.
        Blind(refer, from, request, handOff.Extension, services.Policy?.People.GetValueOrDefault(handOff.Extension)?.Name);
    }

    private void Blind(ServerTransaction refer, Branch from, ReferRequest request, string extension, string? name)
    {
        if (extension == from.Party)
        {
            refer.Respond(SipStatus.Forbidden, "A call is not transferred to the phone that has it");
            return;
        }

        if (!services.CanTake(extension, services.Now))
        {
            refer.Respond(SipStatus.TemporarilyUnavailable, "No phone of the target is registered");
            return;
        }

        Accept(refer, from, request);
        Expect(transfers.Blind(from.Party, extension, name, announcement: null, keepLeg: true));
    }

    /// <summary>What was checked before the 202 holds under the same lock: the transfer cannot be refused after it.</summary>
    private static void Expect(CallControlResult result)
    {
        if (result != CallControlResult.Done)
        {
            throw new System.Diagnostics.UnreachableException($"A phone's transfer checked before its 202 was refused after it: {result}");
        }
    }

    /// <summary>
    /// 202 and the NOTIFYs; the person's leg, which the transfer takes from the caller, is hung up
    /// once the phone has had its report (a NOTIFY after our BYE would find no dialog). The report
    /// says 200 at once: the transfer is the server's to carry out from here (a B2BUA), and one that
    /// is not taken comes back to the person's phone.
    /// </summary>
    private void Accept(ServerTransaction refer, Branch from, ReferRequest request)
    {
        var notifier = new ReferNotifier(services.Stack, from.Dialog!, call, refer, request.Subscribe,
            step => call.Locked(step, "a REFER's report"), () => transfers.ReleaseLeg(from));
        notifier.Accept(services.Scheduler, SipStatus.Ok);
    }

    private static void Refuse(ServerTransaction refer, CallControlResult result)
    {
        switch (result)
        {
            case CallControlResult.NoSuchCall:
                refer.Respond(SipStatus.CallOrTransactionDoesNotExist);
                return;
            case CallControlResult.NotYourCall:
                refer.Respond(SipStatus.Forbidden, "Only the person talking to the caller can transfer the call");
                return;
            case CallControlResult.NotNow:
                refer.Respond(SipStatus.RequestPending, "A transfer of the call is under way");
                return;
            case CallControlResult.TakenByOther or CallControlResult.TargetUnavailable or CallControlResult.UnknownTarget or CallControlResult.NotAllowed or CallControlResult.Done:
                throw new System.Diagnostics.UnreachableException($"Transfers.Refusal does not answer {result}");
            default:
                throw new System.Diagnostics.UnreachableException($"CallControlResult {result}");
        }
    }
}
