using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Omstilling.Media.Codecs;
using Omstilling.Media.Sdp;
using Omstilling.Media.Srtp;

namespace Omstilling.Calls.Tests.Support;

/// <summary>
/// A phone's media end on a real UDP socket on 127.0.0.1: it sends a tone as RTP, or as SRTP once
/// it is keyed with its own key and the server's (from the server's SDP answer), and reads what
/// comes back, decrypting and checking each packet with its own SRTP context.
/// </summary>
internal sealed class SrtpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private SrtpSession? _srtp;
    private ushort _sequence = 65_500; // close to the wrap, so every tone crosses it
    private uint _timestamp = 1_000;

    public SrtpPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 200;
    }

    /// <summary>The key this peer sends with (in its SDP).</summary>
    public SrtpMasterKey Key { get; } = SrtpMasterKey.Generate();

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Packets received that were not SRTP under the server's key (all of them, when the peer is keyed and the server sends plain RTP).</summary>
    public int Unauthentic { get; private set; }

    /// <summary>Packets whose bytes on the wire differed from what they decrypted to.</summary>
    public int Encrypted { get; private set; }

    /// <summary>An offer (or answer) for this peer: PCMA and telephone-event, in <paramref name="profile"/>, with our key when <paramref name="crypto"/>.</summary>
    public string Sdp(string profile = "RTP/SAVP", bool crypto = true) =>
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=srtp-peer\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {Port} {profile} 8 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n" +
        (crypto ? $"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Key.ToBase64()}\r\n" : "") + "a=sendrecv\r\n";

    /// <summary>Where the server's SDP says to send, and keys SRTP from its crypto line (if any).</summary>
    public IPEndPoint KeyFrom(string serverSdp)
    {
        var description = SessionDescription.Parse(serverSdp);
        var audio = description.Media.Single(m => m.Port != 0);
        if (audio.Crypto.SingleOrDefault() is { Key: { } key })
        {
            _srtp = new SrtpSession(Key, key);
        }

        return new IPEndPoint(description.ConnectionOf(audio)!, audio.Port);
    }

    /// <summary>Sends <paramref name="packets"/> of 20 ms of a <paramref name="frequency"/> Hz tone, A-law.</summary>
    public void SendTone(IPEndPoint to, int packets, double frequency)
    {
        Span<short> pcm = stackalloc short[160];
        var buffer = new byte[12 + 160 + SrtpSession.MaxOverhead];
        for (var p = 0; p < packets; p++)
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * (_timestamp + i) / 8000));
            }

            buffer[0] = 0x80;
            buffer[1] = 8;
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), _sequence++);
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), _timestamp);
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8), 0xC0FFEE);
            G711.EncodeALaw(pcm, buffer.AsSpan(12, 160));
            _timestamp += 160;
            var length = _srtp is { } srtp ? srtp.ProtectRtp(buffer, 172) : 172;
            _socket.SendTo(buffer.AsSpan(0, length), SocketFlags.None, to);
        }
    }

    /// <summary>
    /// The audio of up to <paramref name="packets"/> packets received within <paramref name="limit"/>,
    /// decoded from A-law after SRTP when keyed. Packets that fail SRTP are counted, not heard.
    /// </summary>
    public short[] Receive(int packets, TimeSpan limit)
    {
        var heard = new List<short>();
        var buffer = new byte[2048];
        var deadline = DateTime.UtcNow + limit;
        var count = 0;
        while (count < packets && DateTime.UtcNow < deadline)
        {
            int received;
            try
            {
                received = _socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }

            var packet = buffer.AsSpan(0, received);
            if ((packet[1] & 0x7F) is not 8 || (packet[0] & 0x0F) != 0)
            {
                continue; // RTCP muxed by mistake, or telephone-event
            }

            var wire = packet.ToArray();
            if (_srtp is { } srtp)
            {
                if (srtp.UnprotectRtp(packet, out var length) != SrtpVerdict.Accepted)
                {
                    Unauthentic++;
                    continue;
                }

                packet = packet[..length];
                if (!wire.AsSpan(12, length - 12).SequenceEqual(packet[12..]))
                {
                    Encrypted++;
                }
            }

            var pcm = new short[packet.Length - 12];
            G711.DecodeALaw(packet[12..], pcm);
            heard.AddRange(pcm);
            count++;
        }

        return [.. heard];
    }

    /// <summary>The strongest of a few candidate frequencies in <paramref name="samples"/> (Goertzel).</summary>
    public static double Dominant(ReadOnlySpan<short> samples, params double[] candidates)
    {
        var best = (Frequency: 0.0, Power: -1.0);
        foreach (var f in candidates)
        {
            var coefficient = 2 * Math.Cos(2 * Math.PI * f / 8000);
            double s1 = 0, s2 = 0;
            foreach (var x in samples)
            {
                var s0 = x + (coefficient * s1) - s2;
                s2 = s1;
                s1 = s0;
            }

            var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
            if (power > best.Power)
            {
                best = (f, power);
            }
        }

        return best.Frequency;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _srtp?.Dispose();
    }
}
