using System.Net;

namespace Omstilling.Media.Rtp;

/// <summary>Where RTCP goes for an RTP address: the next port up (RFC 3550 §11).</summary>
internal static class RtcpPort
{
    /// <summary>The RTCP address, or null when RTP is on port 65535 and there is no port above it.</summary>
    public static IPEndPoint? Above(IPEndPoint rtp) =>
        rtp.Port < IPEndPoint.MaxPort ? new IPEndPoint(rtp.Address, rtp.Port + 1) : null;
}
