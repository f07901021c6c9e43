namespace Omstilling.Media.Srtp;

/// <summary>
/// SRTP and SRTCP both ways for one stream keyed by SDES (RFC 4568): what we send is protected
/// with our key (the one in our SDP), what we receive is checked with the peer's. Sending and
/// receiving each keep their own state, so a sender under the stream's send lock and the one
/// receive thread may use it at once; no two senders, no two receivers at once. Dispose it when
/// the stream is closed.
/// </summary>
public sealed class SrtpSession : IDisposable
{
    /// <summary>The most SRTP or SRTCP adds to a packet.</summary>
    public const int MaxOverhead = SrtcpContext.Overhead;

    private readonly SrtpContext _sendRtp;
    private readonly SrtcpContext _sendRtcp;
    private readonly SrtpContext _receiveRtp;
    private readonly SrtcpContext _receiveRtcp;
    private long _rejected;

    public SrtpSession(SrtpMasterKey local, SrtpMasterKey remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        Local = local;
        Remote = remote;
        _sendRtp = new SrtpContext(local);
        _sendRtcp = new SrtcpContext(local);
        _receiveRtp = new SrtpContext(remote);
        _receiveRtcp = new SrtcpContext(remote);
    }

    /// <summary>The key we send with (ours, in our SDP).</summary>
    public SrtpMasterKey Local { get; }

    /// <summary>The key the peer sends with (in its SDP).</summary>
    public SrtpMasterKey Remote { get; }

    /// <summary>Received packets dropped as malformed, replayed or unauthentic.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Protects the RTP packet in <c>buffer[..length]</c>; returns the SRTP length (the buffer needs 10 bytes more).</summary>
    public int ProtectRtp(Span<byte> buffer, int length) => _sendRtp.Protect(buffer, length);

    /// <summary>Protects the RTCP packet in <c>buffer[..length]</c>; returns the SRTCP length (the buffer needs 14 bytes more).</summary>
    public int ProtectRtcp(Span<byte> buffer, int length) => _sendRtcp.Protect(buffer, length);

    /// <summary>Checks and decrypts a received SRTP packet in place.</summary>
    public SrtpVerdict UnprotectRtp(Span<byte> packet, out int length) => Count(_receiveRtp.Unprotect(packet, out length));

    /// <summary>Checks and decrypts a received SRTCP packet in place.</summary>
    public SrtpVerdict UnprotectRtcp(Span<byte> packet, out int length) => Count(_receiveRtcp.Unprotect(packet, out length));

    public void Dispose()
    {
        _sendRtp.Dispose();
        _sendRtcp.Dispose();
        _receiveRtp.Dispose();
        _receiveRtcp.Dispose();
    }

    private SrtpVerdict Count(SrtpVerdict verdict)
    {
        switch (verdict)
        {
            case SrtpVerdict.Accepted:
                break;
            case SrtpVerdict.Malformed:
            case SrtpVerdict.Replayed:
            case SrtpVerdict.Unauthentic:
                Interlocked.Increment(ref _rejected);
                break;
            default:
                throw new System.Diagnostics.UnreachableException();
        }

        return verdict;
    }
}
