using Omstilling.Policy.Outbound;
using System.Globalization;
using Omstilling.Calls.Media;
using Omstilling.Calls.Trunks;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The SIP side of ringing phones for a call: each branch's INVITE (its own stream, our offer, the
/// caller's number), the trunk's digest challenge answered once, the ACK of an answer (and of its
/// retransmissions), and hanging up or cancelling a leg. The decisions (who rings, what an answer
/// or a refusal means) are the call's. Owned by its call and used under the call's lock.
/// </summary>
/// <param name="caller">Who the phones are shown as calling (the user of our From), with <paramref name="callerName"/>.</param>
/// <param name="maxForwards">The caller's INVITE's Max-Forwards, if it came through one (RFC 7332).</param>
internal sealed class BranchDialer(SipStack stack, ICallRegistry registry, DigestClient? trunkCredentials, IClientTransactionOwner responses, IDialogOwner dialogs, string caller, string? callerName, int? maxForwards)
{
    /// <summary>The binding that reaches an external number through the trunk.</summary>
    /// <remarks>
    /// Only a verdict of the toll-fraud guard that allowed the call makes one, so no way onto the
    /// trunk can skip the guard (docs/security.md, "Toll fraud").
    /// </remarks>
    public static Binding TrunkBinding(TrunkOptions trunk, OutboundVerdict allowed)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        if (allowed is not { IsAllowed: true, Number: { } number })
        {
            throw new ArgumentException($"The toll-fraud guard did not allow this call out ({allowed.Outcome}).", nameof(allowed));
        }

        var uri = SipUri.Sip(number, trunk.DomainOrPeer, trunk.Domain is null ? trunk.Peer.EndPoint.Port : null);
        return new Binding(number, uri, trunk.Peer, DateTimeOffset.MaxValue, "", 0, null);
    }

    /// <summary>The distinct ring of a transfer that came back (RFC 7462's recall of a transfer).</summary>
    public const string RecallAlert = "<urn:alert:service:recall:transfer>";

    /// <summary>What a phone shows for a call forwarded to it: whose call it is, "Anne Sørensen (viderestillet)".</summary>
    public static string ForwardedDisplay(string personName) => personName + " (viderestillet)";

    /// <summary>What a phone shows for a transfer that came back: "Tilbage: " and the caller's number.</summary>
    public static string RecallDisplay(string caller) => "Tilbage: " + Omstilling.Policy.Model.DanishNumber.Display(caller);

    /// <summary>Sends one INVITE of <paramref name="group"/> to <paramref name="binding"/>, on <paramref name="media"/>.</summary>
    public Branch Dial(RingGroup group, Binding binding, LegMedia media, bool toTrunk)
    {
        var branch = new Branch(binding, media, group, toTrunk);
        group.Add(branch);
        branch.Transaction = (ClientInviteTransaction)stack.SendRequest(CreateInvite(branch), binding.Source, responses, branch);
        return branch;
    }

    /// <summary>
    /// The trunk asks who we are (401/407): the INVITE again with our credentials, once, in the same
    /// dialog attempt (same Call-ID and tags, CSeq + 1, RFC 3261 §22.2). False when this is no such challenge.
    /// </summary>
    public bool TryAnswerChallenge(Branch branch, SipResponse response)
    {
        if (!branch.ToTrunk || branch.Challenged
            || response.StatusCode is not (SipStatus.Unauthorized or SipStatus.ProxyAuthenticationRequired)
            || trunkCredentials is not { } credentials)
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
        branch.Transaction = (ClientInviteTransaction)stack.SendRequest(again, branch.Binding.Source, responses, branch);
        return true;
    }

    /// <summary>
    /// ACKs a 2xx; true when it is the branch's answer, false for one seen before (ACKed again) or
    /// a second fork's (ACKed and hung up at once, RFC 3261 §13.2.2.4: the call keeps the first).
    /// </summary>
    /// <param name="index">Make the dialog findable (not once the call has ended: its dialogs are gone for good).</param>
    public bool Acknowledge(Branch branch, SipResponse response, bool index)
    {
        if (branch.Dialog is { } first && first.Id.RemoteTag != (response.To.Tag ?? ""))
        {
            var extra = Dialog.CreateUac(branch.Transaction!.Request, response, branch.Binding.Source, CalleeContact(branch.Binding));
            stack.SendAck(extra.CreateAck(branch.Transaction.Request.CSeq.Number), extra.Peer);
            stack.SendRequest(extra.CreateRequest(SipMethod.Bye), extra.Peer, responses);
            return false;
        }

        if (branch.Ack is { } sent)
        {
            stack.SendAck(Clone(sent), branch.Dialog!.Peer);
            return false;
        }

        var dialog = Dialog.CreateUac(branch.Transaction!.Request, response, branch.Binding.Source, CalleeContact(branch.Binding));

        // Findable before the ACK leaves: the phone may hang up the instant it has it, and its BYE
        // may come in on another receive thread (it then waits for the call's lock). A branch the
        // call then releases instead (answered elsewhere, unusable SDP) is found released: 481.
        if (index)
        {
            registry.Index(dialog.Id, dialogs, CallSide.Callee);
        }

        var ack = dialog.CreateAck(branch.Transaction.Request.CSeq.Number);
        branch.Answered(response, dialog, ack);
        stack.SendAck(Clone(ack), dialog.Peer);
        return true;
    }

    /// <summary>A 2xx retransmitted after the transaction ended: our ACK was lost, it goes again.</summary>
    public void AcknowledgeAgain(Branch branch)
    {
        if (branch.Ack is { } ack && branch.Dialog is { } dialog)
        {
            stack.SendAck(Clone(ack), dialog.Peer);
        }
    }

    /// <summary>Hangs up an answered leg (BYE) or stops a calling one (CANCEL), once; its stream closes.</summary>
    public void Release(Branch branch)
    {
        switch (branch.State)
        {
            case BranchState.Answered:
                branch.Released();
                stack.SendRequest(branch.Dialog!.CreateRequest(SipMethod.Bye), branch.Dialog.Peer, responses);
                break;
            case BranchState.Calling:
                branch.Transaction?.Cancel();
                break;
            case BranchState.Refused or BranchState.Released:
                break;
            case BranchState.HandedOver:
                return; // another call's leg now, stream and all
            default:
                throw new System.Diagnostics.UnreachableException($"BranchState {branch.State}");
        }

        branch.Media.Close();
    }

    /// <summary>A fresh copy, since the stack adds its own Via to every request it sends.</summary>
    public static SipRequest Clone(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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

    /// <summary>Our Contact towards a phone: the caller's number at our address.</summary>
    private NameAddress CalleeContact(Binding binding) => registry.ContactFor(caller, binding.Source);

    private SipRequest CreateInvite(Branch branch)
    {
        var binding = branch.Binding;
        var local = stack.LocalEndPointFor(binding.Source);
        var host = SipStack.FormatHost(local.Address);
        var headers = new SipHeaders(12);

        // The phone shows the caller it is about, with the display name the caller's phone sent; a
        // transfer that comes back says so ("Tilbage: 40 12 34 56") and rings differently (RFC 7462).
        var recall = branch.Group.Purpose == RingPurpose.Recall;
        var diversions = branch.Group.Diversions;
        var display = recall ? RecallDisplay(caller) : diversions.IsEmpty ? callerName : ForwardedDisplay(diversions[^1].PersonName);
        var from = new NameAddress(SipUri.Sip(caller, host), display).WithTag(SipIds.NewTag());
        headers.Add(HeaderName.From, from.ToString());
        headers.Add(HeaderName.To, new NameAddress(branch.ToTrunk ? binding.Contact : SipUri.Sip(binding.Aor, host)).ToString());
        headers.Add(HeaderName.CallId, SipIds.NewCallId(host));
        headers.Add(HeaderName.CSeq, new CSeq(1, SipMethod.Invite).ToString());

        // RFC 7332 loop detection for B2BUAs: Max-Forwards goes down across us too.
        headers.Add(HeaderName.MaxForwards, Math.Max(0, (maxForwards ?? 70) - 1).ToString(CultureInfo.InvariantCulture));
        headers.Add(HeaderName.Contact, CalleeContact(binding).ToString());
        headers.Add(HeaderName.Allow, CallManager.AllowedMethods);
        headers.Add(HeaderName.UserAgent, stack.Options.UserAgent);
        if (recall)
        {
            headers.Add(HeaderName.AlertInfo, RecallAlert);
        }

        // RFC 5806: whose calls these are, the latest forwarding first, each with its reason and place in the chain.
        for (var i = diversions.Length - 1; i >= 0; i--)
        {
            var hop = diversions[i];
            var diverted = new NameAddress(SipUri.Sip(hop.From, host), hop.PersonName);
            headers.Add(HeaderName.Diversion, string.Create(CultureInfo.InvariantCulture, $"{diverted};reason={hop.Reason};counter={i + 1}"));
        }

        var invite = new SipRequest(SipMethod.Invite, binding.Contact, headers);
        LegMedia.Attach(invite, branch.Media.Offer());
        return invite;
    }
}
