using System.Net;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Serialization;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2): the request we received and the responses we send to
/// it, with retransmissions absorbed and answered from here. Thread-safe: every state change
/// happens under the transaction's lock; the transaction user answers through <see cref="Respond(SipResponse)"/>.
/// </summary>
public abstract class ServerTransaction
{
    private protected readonly Lock Sync = new();
    private readonly IPEndPoint _responseTarget;
    private byte[]? _lastResponseBytes;

    private protected ServerTransaction(SipStack stack, IncomingMessage incoming, TransactionKey key)
    {
        Stack = stack;
        Incoming = incoming;
        Key = key;
        _responseTarget = ResponseRouting.TargetFor(incoming.Message.TopVia, incoming.Source);
    }

    public IncomingMessage Incoming { get; }

    public SipRequest Request => Incoming.Request;

    public TransactionState State { get; private protected set; }

    /// <summary>The To tag this UAS puts in its responses (§8.2.6.2); one per transaction, so all responses agree.</summary>
    public string LocalTag { get; } = SipIds.NewTag();

    /// <summary>The last response sent, or null.</summary>
    public SipResponse? LastResponse { get; private set; }

    /// <summary>Whatever the transaction user attaches to find its own state again (the call this INVITE belongs to).</summary>
    public object? UserState { get; set; }

    /// <summary>True once a final response has been sent.</summary>
    public bool IsAnswered => LastResponse is { IsFinal: true };

    internal TransactionKey Key { get; }

    private protected SipStack Stack { get; }

    /// <summary>A response to this request with the headers §8.2.6.2 requires and our To tag.</summary>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null) =>
        SipResponses.Create(Request, statusCode, reasonPhrase, LocalTag);

    /// <summary>Sends a response built by <see cref="CreateResponse"/>.</summary>
    public void Respond(int statusCode, string? reasonPhrase = null) => Respond(CreateResponse(statusCode, reasonPhrase));

    /// <summary>
    /// Sends a response. Provisional responses may repeat; a second final response, or one after
    /// the transaction ended, throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public abstract void Respond(SipResponse response);

    /// <summary>Like <see cref="Respond(SipResponse)"/>, but false instead of an exception when a final answer was already sent.</summary>
    public bool TryRespond(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (Sync)
        {
            if (IsAnswered || State == TransactionState.Terminated)
            {
                return false;
            }

            Respond(response);
            return true;
        }
    }

    /// <summary>A retransmission of the request arrived (§17.2.1, §17.2.2).</summary>
    internal abstract void OnRetransmission();

    private protected void Send(SipResponse response)
    {
        LastResponse = response;
        _lastResponseBytes = SipMessageWriter.ToBytes(response);
        Stack.Send(Incoming.Transport, _responseTarget, _lastResponseBytes, response);
    }

    private protected void ResendLast()
    {
        if (_lastResponseBytes is not null)
        {
            Stack.Send(Incoming.Transport, _responseTarget, _lastResponseBytes, LastResponse);
        }
    }

    private protected void Terminate()
    {
        State = TransactionState.Terminated;
        Stack.Forget(this);
    }

    private protected bool IsReliable => Incoming.Source.Transport.IsReliable();
}
