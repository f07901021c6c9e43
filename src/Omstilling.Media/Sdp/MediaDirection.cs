namespace Omstilling.Media.Sdp;

/// <summary>The direction attributes of RFC 4566 §6 / RFC 3264 §6.1, used for hold and resume.</summary>
public enum MediaDirection
{
    SendReceive,
    SendOnly,
    ReceiveOnly,
    Inactive,
}

/// <summary>SDP names and the RFC 3264 answer rule for <see cref="MediaDirection"/>.</summary>
public static class MediaDirections
{
    public static string Attribute(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.ReceiveOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>The direction an answer gives to an offer's (§6.1): sendonly is answered recvonly, and so on.</summary>
    public static MediaDirection Answering(this MediaDirection offered) => offered switch
    {
        MediaDirection.SendOnly => MediaDirection.ReceiveOnly,
        MediaDirection.ReceiveOnly => MediaDirection.SendOnly,
        MediaDirection.Inactive => MediaDirection.Inactive,
        _ => MediaDirection.SendReceive,
    };

    public static bool Sends(this MediaDirection direction) => direction is MediaDirection.SendReceive or MediaDirection.SendOnly;

    public static bool Receives(this MediaDirection direction) => direction is MediaDirection.SendReceive or MediaDirection.ReceiveOnly;
}
