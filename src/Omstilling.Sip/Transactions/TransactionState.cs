namespace Omstilling.Sip.Transactions;

/// <summary>
/// States of the four transaction machines of RFC 3261 §17 with the Accepted state of RFC 6026.
/// Which states a machine uses: client INVITE (Calling, Proceeding, Accepted, Completed,
/// Terminated, §17.1.1), client non-INVITE (Trying, Proceeding, Completed, Terminated, §17.1.2),
/// server INVITE (Proceeding, Accepted, Completed, Confirmed, Terminated, §17.2.1), server
/// non-INVITE (Trying, Proceeding, Completed, Terminated, §17.2.2).
/// </summary>
public enum TransactionState
{
    Calling,
    Trying,
    Proceeding,
    /// <summary>RFC 6026 §7.1: a 2xx was sent or received; retransmissions of it are absorbed or passed on.</summary>
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}
