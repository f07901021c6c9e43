namespace Omstilling.Calls.Routing;

/// <summary>The ways a call can be put on the trunk, each checked by <see cref="OutboundGuard"/> (named in its SECURITY line).</summary>
public enum OutboundPath
{
    /// <summary>A phone dials a number outside.</summary>
    Dialled,

    /// <summary>A forwarding to a number outside is being set (*21*, *67*, *61* or the web).</summary>
    ForwardingSet,

    /// <summary>A call follows a person's forwarding to a number outside.</summary>
    Forwarded,

    /// <summary>An operator's "Ring op" to a number outside.</summary>
    CallBack,

    /// <summary>The policy's own forward to an external number.</summary>
    PolicyForward,
}
