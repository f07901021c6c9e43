using System.Net;
using System.Net.Sockets;

namespace Omstilling.Media.Rtp;

/// <summary>
/// Hands out RTP/RTCP socket pairs (even port for RTP, the next odd one for RTCP, RFC 3550 §11)
/// from the configured range, walking round it so a freed port is not reused at once (late packets
/// of the previous call would land in the next). Thread-safe.
/// </summary>
public sealed class RtpPortPool
{
    private readonly Lock _lock = new();
    private readonly HashSet<int> _inUse = [];
    private readonly IPAddress _address;
    private int _next;

    public RtpPortPool(IPAddress address, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (first < 1024 || last > 65534 || last - first < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"RTP port range {first}-{last} must lie within 1024-65534 and hold at least one pair.");
        }

        _address = address;
        First = first + (first & 1);
        Last = last;
        _next = First;
    }

    public int First { get; }

    public int Last { get; }

    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _inUse.Count;
            }
        }
    }

    /// <summary>Binds a free pair; throws <see cref="InvalidOperationException"/> when the range is exhausted.</summary>
    public (Socket Rtp, Socket Rtcp) Allocate()
    {
        var pairs = ((Last - First) / 2) + 1;
        for (var attempt = 0; attempt < pairs; attempt++)
        {
            int port;
            lock (_lock)
            {
                port = _next;
                _next = _next + 2 > Last - 1 ? First : _next + 2;
                if (!_inUse.Add(port))
                {
                    continue;
                }
            }

            var rtp = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var rtcp = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                rtp.Bind(new IPEndPoint(_address, port));
                rtcp.Bind(new IPEndPoint(_address, port + 1));
                return (rtp, rtcp);
            }
            catch (SocketException)
            {
                // Taken by another process: try the next pair.
                rtp.Dispose();
                rtcp.Dispose();
                Release(port);
            }
        }

        throw new InvalidOperationException($"No free RTP port pair in {First}-{Last}.");
    }

    public void Release(int port)
    {
        lock (_lock)
        {
            _inUse.Remove(port);
        }
    }
}
