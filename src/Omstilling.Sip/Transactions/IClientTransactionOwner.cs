using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// Receives what happens to a request we sent. Timeouts arrive as a 408 and transport failures as
/// a 503 built locally (RFC 3261 §8.1.3.1), so owners handle one kind of event. Never called while
/// the transaction holds its lock.
/// </summary>
public interface IClientTransactionOwner
{
    void OnResponse(ClientTransaction transaction, SipResponse response);
}
