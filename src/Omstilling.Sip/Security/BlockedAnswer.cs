namespace Omstilling.Sip.Security;

/// <summary>What a blocked address gets for its requests.</summary>
public enum BlockedAnswer
{
    /// <summary>Nothing: its messages are dropped before they are parsed.</summary>
    None,

    /// <summary>403 Forbidden to each request (an ACK gets nothing, as always); responses are dropped.</summary>
    Forbidden,
}
