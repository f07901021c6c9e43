using System.Net;
using System.Net.Sockets;
using Omstilling.Media.Srtp;

namespace Omstilling.Media.Rtp;

/// <summary>The stream's RTCP (RFC 3550 §6): reports sent on the media clock, reports received counted; SRTCP when the stream is SRTP.</summary>
public sealed partial class RtpStream
{
    /// <summary>
    /// Sends an RTCP report now, unless a packet of this stream is being sent or counted at this
    /// instant: then nothing is sent and the answer is false, to try again a tick later. The media
    /// clock calls this on a thread above the receive threads, so waiting for the lock could mean
    /// waiting for a receive thread it has itself pre-empted, while every other sender of its lane
    /// waits too.
    /// </summary>
    internal bool TrySendReport(DateTimeOffset now)
    {
        Span<byte> buffer = stackalloc byte[256 + SrtpSession.MaxOverhead];
        int length;
        SocketAddress? remote;
        if (!_sendLock.TryEnter())
        {
            return false;
        }

        try
        {
            remote = _remoteRtcp;
            if (remote is null)
            {
                return true; // nowhere to report to yet
            }

            RtcpPacket.ReportBlock? block = null;
            if (_reception.Received > 0)
            {
                if (!_receptionLock.TryEnter())
                {
                    return false;
                }

                try
                {
                    block = new RtcpPacket.ReportBlock(_reception.Ssrc, _reception.TakeFractionLost(), (int)_reception.Lost, _reception.ExtendedHighest, _reception.Jitter, 0, 0);
                }
                finally
                {
                    _receptionLock.Exit();
                }
            }

            RtcpPacket.SenderInfo? sender = PacketsSent > 0
                ? new RtcpPacket.SenderInfo(now, _timestamp, (uint)PacketsSent, (uint)(PacketsSent * 160))
                : null;
            length = RtcpPacket.WriteReport(buffer, Ssrc, Cname, sender, block);
            if (_srtp is { } srtp)
            {
                length = srtp.ProtectRtcp(buffer, length); // SRTCP: authentication is mandatory (RFC 3711 §3.4)
            }
        }
        finally
        {
            _sendLock.Exit();
        }

        try
        {
            _rtcp.SendTo(buffer[..length], SocketFlags.None, remote);
            Interlocked.Increment(ref _reportsSent);
        }
        catch (SocketException)
        {
            // RTCP is best effort; an unreachable port is the peer's business.
        }
        catch (ObjectDisposedException)
        {
            // The call ended while its report was being made.
        }

        return true;
    }

    private readonly List<byte> _rtcpTypes = [];

    private void ReadRtcp()
    {
        int received;
        try
        {
            received = _rtcp.ReceiveFrom(_rtcpBuffer, SocketFlags.None, _rtcpFrom);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return;
        }

        _rtcpTypes.Clear();
        if (Unprotected(_rtcpBuffer.AsSpan(0, received), out var rtcp))
        {
            CountReport(RtcpPacket.TryReadTypes(rtcp, _rtcpTypes));
        }
    }

    private void CountReport(bool valid) => Interlocked.Increment(ref valid ? ref _reportsReceived : ref _malformed);

    /// <summary>RTCP from the phone: validated and counted; malformed ones are dropped.</summary>
    private async Task ReceiveRtcpAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1500];
        var from = new SocketAddress(LocalEndPoint.AddressFamily);
        var types = new List<byte>();
        while (!cancellationToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _rtcp.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            types.Clear();
            if (Unprotected(buffer.AsSpan(0, received), out var rtcp))
            {
                CountReport(RtcpPacket.TryReadTypes(rtcp, types));
            }
        }
    }

    /// <summary>A received RTCP packet as RTCP: SRTCP checked and decrypted in place when the stream is SRTP; false (counted in <see cref="SrtpRejected"/>) to drop it.</summary>
    private bool Unprotected(Span<byte> packet, out Span<byte> rtcp)
    {
        rtcp = packet;
        if (Volatile.Read(ref _srtp) is not { } srtp)
        {
            return true;
        }

        try
        {
            if (srtp.UnprotectRtcp(packet, out var length) != SrtpVerdict.Accepted)
            {
                Interlocked.Increment(ref _srtpRejected);
                return false;
            }

            rtcp = packet[..length];
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false; // the stream was closed meanwhile
        }
    }
}
