using Omstilling.Media.Sdp;
using Omstilling.Media.Srtp;

namespace Omstilling.Media.Rtp;

/// <summary>
/// SRTP on the stream (RFC 3711, keys from SDES): what is sent is protected as the last step
/// before the socket, what is received is checked and decrypted as the first step after it, so
/// everything in between (latching, DTMF, the listener: a bridge, echo, recorder, prompts) sees
/// plain RTP. A bridge between an SRTP phone and a plain one (the trunk) therefore decrypts on one
/// stream and encrypts, or not, on the other. A packet that fails authentication is dropped before
/// latching, so it cannot turn our media towards another address.
/// </summary>
public sealed partial class RtpStream
{
    private SrtpSession? _srtp;

    // Sessions replaced by a re-INVITE with other keys: a receive thread may still be in one, so they are disposed with the stream.
    private readonly List<SrtpSession> _retired = [];
    private long _srtpRejected;

    /// <summary>Whether the stream is SRTP now.</summary>
    public bool IsSecure => Volatile.Read(ref _srtp) is not null;

    /// <summary>Received packets dropped by SRTP or SRTCP: unauthentic, replayed or malformed.</summary>
    public long SrtpRejected => Interlocked.Read(ref _srtpRejected);

    /// <summary>Under the send lock: keys as negotiated. The same keys keep the session (and its ROC and replay list) across re-INVITEs.</summary>
    private void ApplySrtp(SdesKeys? keys)
    {
        var current = _srtp;
        if (keys is null ? current is null : current is not null && current.Local.Equals(keys.Local) && current.Remote.Equals(keys.Remote))
        {
            return;
        }

        if (current is not null)
        {
            _retired.Add(current);
        }

        Volatile.Write(ref _srtp, keys is null ? null : new SrtpSession(keys.Local, keys.Remote));
    }

    /// <summary>A received RTP packet as RTP: checked and decrypted in place when the stream is SRTP; false to drop it.</summary>
    private bool UnprotectRtp(ref Span<byte> packet)
    {
        if (Volatile.Read(ref _srtp) is not { } srtp)
        {
            return true;
        }

        try
        {
            if (srtp.UnprotectRtp(packet, out var length) != SrtpVerdict.Accepted)
            {
                Interlocked.Increment(ref _srtpRejected);
                return false;
            }

            packet = packet[..length];
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false; // the stream was closed meanwhile
        }
    }

    /// <summary>Under the send lock: protects the packet in the send buffer; returns the length to send.</summary>
    private int ProtectRtp(int length) => _srtp is { } srtp ? srtp.ProtectRtp(_sendBuffer, length) : length;

    /// <summary>At close, after reception has stopped: the keys' native state is freed.</summary>
    private void DisposeSrtp()
    {
        lock (_sendLock)
        {
            _srtp?.Dispose();
            _srtp = null;
            foreach (var retired in _retired)
            {
                retired.Dispose();
            }

            _retired.Clear();
        }
    }
}
