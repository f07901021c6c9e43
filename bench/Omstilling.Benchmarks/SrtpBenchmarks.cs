using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Omstilling.Media.Srtp;

namespace Omstilling.Benchmarks;

/// <summary>
/// SRTP's cost per packet (issue 16): a 20 ms G.711 packet (12-byte header, 160-byte payload)
/// protected as a stream sends it, and protected then checked and decrypted as the other end
/// receives it (the second includes the first; unprotecting alone is the difference). The
/// sequence number moves on every call, as on the wire, so the receiver's replay list takes every
/// packet and the ROC wraps every 65,536. Target: nothing allocated per packet.
/// </summary>
[MemoryDiagnoser]
public class SrtpBenchmarks : IDisposable
{
    private const int Header = 12;
    private const int Payload = 160;

    private readonly byte[] _packet = new byte[Header + Payload + SrtpSession.MaxOverhead];
    private readonly byte[] _audio = new byte[Payload];
    private SrtpSession _sender = null!;
    private SrtpSession _receiver = null!;
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var phone = SrtpMasterKey.Generate();
        var server = SrtpMasterKey.Generate();
        _sender = new SrtpSession(phone, server);
        _receiver = new SrtpSession(server, phone);
        new Random(16).NextBytes(_audio);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>What a sending stream adds per packet: encrypt the payload, append the tag.</summary>
    [Benchmark(Baseline = true)]
    public int Protect() => _sender.ProtectRtp(_packet, NextPacket());

    /// <summary>Protect, then what the receiving stream does: replay check, tag check, decrypt.</summary>
    [Benchmark]
    public int ProtectAndUnprotect()
    {
        var length = _sender.ProtectRtp(_packet, NextPacket());
        return _receiver.UnprotectRtp(_packet.AsSpan(0, length), out var plain) == SrtpVerdict.Accepted
            ? plain
            : throw new InvalidOperationException("the receiver refused the packet");
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sender?.Dispose();
            _receiver?.Dispose();
        }
    }

    private int NextPacket()
    {
        _packet[0] = 0x80;
        _packet[1] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(_packet.AsSpan(2), _sequence);
        BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(4), _sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(8), 0x5EC0DE);
        _audio.CopyTo(_packet, Header);
        _sequence++;
        return Header + Payload;
    }
}
