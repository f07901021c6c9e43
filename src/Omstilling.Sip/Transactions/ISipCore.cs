using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// The transaction user (RFC 3261 §17): what sits above the transaction layer. Called from
/// transport receive loops, concurrently; implementations must be thread-safe and quick (queue
/// long work to the owner of the call).
/// </summary>
public interface ISipCore
{
    /// <summary>A new request (never ACK or CANCEL); answer it through <paramref name="transaction"/>.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>An ACK that matched no server transaction: the ACK for a 2xx (§13.3.1.4, §17.2.3).</summary>
    void OnAck(IncomingMessage ack);

    /// <summary>
    /// A CANCEL matched a pending INVITE (§9.2). The stack has already answered the CANCEL 200;
    /// the core should stop the work and answer the INVITE 487 if it has not answered finally.
    /// </summary>
    void OnCancel(ServerInviteTransaction invite);

    /// <summary>A 2xx to INVITE that matched no client transaction: a retransmission the dialog must ACK again.</summary>
    void OnStray2xx(IncomingMessage response);

    /// <summary>True when the core implements the method; unknown methods get 501 before other checks (RFC 4475 §3.1.2.18).</summary>
    bool Supports(Messages.SipMethod method);
}
