namespace Omstilling.Media.Rtp;

/// <summary>
/// What RFC 3550 Appendix A.1/A.8 asks a receiver to track for reports: extended highest
/// sequence number with wrap-around, packets expected and received, lost, and interarrival
/// jitter. Not thread-safe: the stream updates it as packets arrive and reports it under one lock.
/// </summary>
public sealed class ReceptionStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;

    private bool _started;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _jitter;
    private long _lastTransit;
    private bool _haveTransit;

    public uint Ssrc { get; private set; }

    public long Received => _received;

    /// <summary>The extended highest sequence number received (cycles in the high 16 bits).</summary>
    public uint ExtendedHighest => _cycles + _maxSequence;

    public long Expected => _started ? ExtendedHighest - _baseSequence + 1 : 0;

    public long Lost => Math.Max(0, Expected - _received);

    /// <summary>Interarrival jitter in timestamp units.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>Records a packet; <paramref name="arrival"/> is in timestamp units (8 kHz for G.711).</summary>
    public void Update(in RtpHeader header, long arrival)
    {
        if (!_started || header.Ssrc != Ssrc)
        {
            _started = true;
            Ssrc = header.Ssrc;
            _maxSequence = header.SequenceNumber;
            _baseSequence = header.SequenceNumber;
            _cycles = 0;
            _received = 0;
            _expectedPrior = 0;
            _receivedPrior = 0;
            _haveTransit = false;
        }
        else
        {
            var delta = (ushort)(header.SequenceNumber - _maxSequence);
            if (delta < MaxDropout)
            {
                if (header.SequenceNumber < _maxSequence)
                {
                    _cycles += 1 << 16;
                }

                _maxSequence = header.SequenceNumber;
            }
            else if (delta <= ushort.MaxValue + 1 - MaxMisorder)
            {
                // A large jump: the sender restarted; start over from this packet.
                _maxSequence = header.SequenceNumber;
                _baseSequence = header.SequenceNumber;
                _cycles = 0;
                _received = 0;
                _expectedPrior = 0;
                _receivedPrior = 0;
            }
        }

        _received++;
        var transit = arrival - header.Timestamp;
        if (_haveTransit)
        {
            var d = Math.Abs(transit - _lastTransit);
            _jitter += (d - _jitter) / 16.0;
        }

        _lastTransit = transit;
        _haveTransit = true;
    }

    /// <summary>Fraction lost since the previous report, as the 8-bit fixed-point value of RFC 3550 §6.4.1.</summary>
    public byte TakeFractionLost()
    {
        var expectedInterval = Expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = Expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        return expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }
}
