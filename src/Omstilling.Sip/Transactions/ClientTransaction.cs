using Omstilling.Sip.Messages;
using Omstilling.Sip.Serialization;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1): a request we send, its retransmissions and the
/// responses that come back, passed to the owner outside the lock. Thread-safe.
/// </summary>
public abstract class ClientTransaction
{
    private protected readonly Lock Sync = new();
    private byte[]? _requestBytes;

    private protected ClientTransaction(SipStack stack, SipRequest request, SipEndPoint destination, ISipTransport transport, IClientTransactionOwner owner)
    {
        Stack = stack;
        Request = request;
        Destination = destination;
        Transport = transport;
        Owner = owner;
        Key = TransactionKey.ForClient(request.TopVia.Branch!, request.Method);
    }

    public SipRequest Request { get; }

    public SipEndPoint Destination { get; }

    public ISipTransport Transport { get; }

    public TransactionState State { get; private protected set; }

    /// <summary>Any state the owner wants to find again from the transaction (a leg, a registration).</summary>
    public object? Tag { get; init; }

    internal TransactionKey Key { get; }

    private protected SipStack Stack { get; }

    private protected IClientTransactionOwner Owner { get; }

    private protected bool IsReliable => Destination.Transport.IsReliable();

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    /// <summary>The transport could not deliver the request: a 503 to the owner (§8.1.3.1).</summary>
    internal abstract void OnTransportError();

    private protected void SendRequest()
    {
        _requestBytes ??= SipMessageWriter.ToBytes(Request);
        Stack.Send(Transport, Destination.EndPoint, _requestBytes, Request, this);
    }

    private protected void Terminate()
    {
        State = TransactionState.Terminated;
        Stack.Forget(this);
    }

    /// <summary>A response made here for a timeout (408) or a transport failure (503), as §8.1.3.1 says the TU sees them.</summary>
    private protected SipResponse LocalResponse(int status) => SipResponses.Create(Request, status);

    private protected void Report(SipResponse response) => Owner.OnResponse(this, response);
}
