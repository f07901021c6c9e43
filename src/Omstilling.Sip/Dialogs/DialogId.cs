namespace Omstilling.Sip.Dialogs;

/// <summary>A dialog's identity (RFC 3261 §12): Call-ID with our tag and the peer's tag. Immutable.</summary>
public readonly record struct DialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>The id a request received in this dialog carries: our tag is in To, the peer's in From.</summary>
    public static DialogId ForIncoming(Messages.SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DialogId(request.CallId, request.To.Tag ?? "", request.From.Tag ?? "");
    }

    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";
}
