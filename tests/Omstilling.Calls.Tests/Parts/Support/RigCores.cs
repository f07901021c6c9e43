using System.Collections.Concurrent;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>Our stack's transaction user in the rig: it only keeps what arrives, for the test to hand to the part under test.</summary>
internal sealed class ServerCore : ISipCore
{
    public ConcurrentQueue<ServerInviteTransaction> Invites { get; } = new();

    /// <summary>Requests other than a new INVITE (BYE, INFO, OPTIONS, re-INVITE), unanswered.</summary>
    public ConcurrentQueue<ServerTransaction> Requests { get; } = new();

    public ConcurrentQueue<SipRequest> Acks { get; } = new();

    public ConcurrentQueue<ServerInviteTransaction> Cancelled { get; } = new();

    public ConcurrentQueue<SipResponse> Stray2xx { get; } = new();

    public bool Supports(SipMethod method) => true;

    public void OnRequest(ServerTransaction transaction)
    {
        if (transaction is ServerInviteTransaction invite && invite.Request.To.Tag is null)
        {
            Invites.Enqueue(invite);
        }
        else
        {
            Requests.Enqueue(transaction);
        }
    }

    public void OnAck(IncomingMessage ack) => Acks.Enqueue(ack.Request);

    public void OnCancel(ServerInviteTransaction invite) => Cancelled.Enqueue(invite);

    public void OnStray2xx(IncomingMessage response) => Stray2xx.Enqueue((SipResponse)response.Message);
}

/// <summary>
/// The phones' side in the rig (every binding points at it): INVITEs from us wait for the test to
/// answer them; a CANCEL is answered 487 and any other request 200, as a phone does. As a caller
/// it keeps the responses to its own INVITE.
/// </summary>
internal sealed class PhoneCore : ISipCore, IClientTransactionOwner
{
    /// <summary>Our INVITEs to the phone, in order, waiting for the test's answer.</summary>
    public ConcurrentQueue<ServerInviteTransaction> Invites { get; } = new();

    /// <summary>Every request that reached the phone (INVITE, BYE, CANCEL, ACK ...), in order.</summary>
    public ConcurrentQueue<SipRequest> Received { get; } = new();

    /// <summary>Responses to what the phone sent (its INVITE as a caller, its BYEs).</summary>
    public ConcurrentQueue<SipResponse> Responses { get; } = new();

    /// <summary>The phone's own INVITE when it calls us.</summary>
    public ClientInviteTransaction? Outgoing { get; set; }

    public bool Supports(SipMethod method) => true;

    public int Count(SipMethod method) => Received.Count(r => r.Method == method);

    public void OnRequest(ServerTransaction transaction)
    {
        Received.Enqueue(transaction.Request);
        if (transaction is ServerInviteTransaction invite && invite.Request.To.Tag is null)
        {
            Invites.Enqueue(invite);
            return;
        }

        transaction.Respond(SipStatus.Ok);
    }

    public void OnAck(IncomingMessage ack) => Received.Enqueue(ack.Request);

    public void OnCancel(ServerInviteTransaction invite)
    {
        Received.Enqueue(new SipRequest(SipMethod.Cancel, invite.Request.RequestUri));
        invite.TryRespond(invite.CreateResponse(SipStatus.RequestTerminated));
    }

    public void OnStray2xx(IncomingMessage response)
    {
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Responses.Enqueue(response);
}

/// <summary>Where our client transactions' responses go in the rig: kept, and handed on to the part under test.</summary>
internal sealed class ResponseSink : IClientTransactionOwner
{
    public ConcurrentQueue<SipResponse> Responses { get; } = new();

    /// <summary>What the call would do with the response (a ringer's <c>OnResponse</c>), under the test's control.</summary>
    public Action<ClientTransaction, SipResponse>? Forward { get; set; }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        Responses.Enqueue(response);
        Forward?.Invoke(transaction, response);
    }
}

/// <summary>A call registry that only records: dialogs indexed and unindexed, events, camp-on waits.</summary>
internal sealed class FakeRegistry : ICallRegistry, IDialogOwner
{
    public ConcurrentQueue<CallEvent> Events { get; } = new();

    public ConcurrentDictionary<DialogId, CallSide> Indexed { get; } = new();

    public ConcurrentQueue<DialogId> Unindexed { get; } = new();

    public ConcurrentQueue<string> Waits { get; } = new();

    public void Index(DialogId id, IDialogOwner call, CallSide side) => Indexed[id] = side;

    public void Unindex(DialogId id)
    {
        Indexed.TryRemove(id, out _);
        Unindexed.Enqueue(id);
    }

    public void Remove(Guid callId, DialogId? callerDialog, IEnumerable<DialogId> calleeDialogs)
    {
    }

    public void Publish(CallEvent e) => Events.Enqueue(e);

    public NameAddress ContactFor(string user, SipEndPoint peer) => new(SipUri.Sip(user, PartsRig.ServerAddress.Address.ToString(), PartsRig.ServerAddress.Port));

    public void WaitForFree(string extension, Call call) => Waits.Enqueue("wait " + extension);

    public void StopWaitingForFree(string extension, Call call) => Waits.Enqueue("stop " + extension);

    /// <summary>Every number is a person's extension here; the parts' tests do not transfer from phones.</summary>
    public Omstilling.Calls.Signalling.Referral.PhoneTransferTarget ResolveTransferTarget(string number) =>
        new(Omstilling.Calls.Signalling.Referral.PhoneTransferTargetKind.Person, number);

    public void StartAttendedTransfer(Call transferee, ServerTransaction refer, Branch from, Omstilling.Calls.Signalling.Referral.ReferRequest request, DialogId replaced) =>
        throw new NotSupportedException("The parts' tests make no attended transfers from phones.");

    // As the dialogs' owner for a part built on its own: what arrives in them is the test's to hand over.
    public void OnInDialogRequest(ServerTransaction transaction, CallSide from)
    {
    }

    public void OnAck(SipRequest ack)
    {
    }

    public void OnStray2xx(DialogId dialogId)
    {
    }

    public void OnCallerCancel()
    {
    }

    public void EndForShutdown()
    {
    }
}

/// <summary>A stream's listener that keeps the digits it hears.</summary>
internal sealed class RecordingListener : Omstilling.Media.Rtp.IRtpListener
{
    public ConcurrentQueue<char> Digits { get; } = new();

    public void OnAudio(Omstilling.Media.Rtp.RtpStream stream, ReadOnlySpan<byte> payload, bool marker)
    {
    }

    public void OnDigit(Omstilling.Media.Rtp.RtpStream stream, char digit) => Digits.Enqueue(digit);
}
