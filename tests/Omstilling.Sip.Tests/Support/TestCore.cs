using System.Collections.Concurrent;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Tests.Support;

/// <summary>A transaction user that records what reaches it and answers as a test says.</summary>
internal sealed class TestCore : ISipCore, IClientTransactionOwner
{
    public ConcurrentQueue<ServerTransaction> Requests { get; } = new();

    public ConcurrentQueue<IncomingMessage> Acks { get; } = new();

    public ConcurrentQueue<ServerInviteTransaction> Cancels { get; } = new();

    public ConcurrentQueue<IncomingMessage> Stray2xx { get; } = new();

    public ConcurrentQueue<(ClientTransaction Transaction, SipResponse Response)> Responses { get; } = new();

    /// <summary>Answers new requests; null leaves them unanswered.</summary>
    public Func<ServerTransaction, int?> Answer { get; set; } = _ => SipStatus.Ok;

    /// <summary>Status for a cancelled INVITE; null leaves it unanswered.</summary>
    public int? AnswerCancelledWith { get; set; } = SipStatus.RequestTerminated;

    public void OnRequest(ServerTransaction transaction)
    {
        Requests.Enqueue(transaction);
        if (Answer(transaction) is { } status)
        {
            transaction.Respond(status);
        }
    }

    public void OnAck(IncomingMessage ack) => Acks.Enqueue(ack);

    public void OnCancel(ServerInviteTransaction invite)
    {
        Cancels.Enqueue(invite);
        if (AnswerCancelledWith is { } status)
        {
            invite.TryRespond(invite.CreateResponse(status));
        }
    }

    public void OnStray2xx(IncomingMessage response) => Stray2xx.Enqueue(response);

    public bool Supports(SipMethod method) =>
        method == SipMethod.Invite || method == SipMethod.Options || method == SipMethod.Bye || method == SipMethod.Register ||
        method == SipMethod.Info;

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Responses.Enqueue((transaction, response));

    public int[] StatusCodes => Responses.Select(r => r.Response.StatusCode).ToArray();
}
