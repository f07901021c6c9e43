using System.Net;

namespace Omstilling.Media;

/// <summary>Where media flows and which ports it may use. Immutable.</summary>
public sealed record MediaOptions
{
    /// <summary>The address RTP sockets bind to and SDP announces.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The address written into SDP when it differs from the bound one (a public address in front of NAT).</summary>
    public IPAddress? AdvertisedAddress { get; init; }

    public int FirstPort { get; init; } = 10000;

    public int LastPort { get; init; } = 20000;

    /// <summary>
    /// Threads of the media plane (Linux): this many receive and relay RTP, and the media clock
    /// should send on as many lanes. More than one keeps media flowing when a core stalls, and
    /// spreads the work over the cores; idle ones cost nothing.
    /// </summary>
    public int Threads { get; init; } = Math.Clamp(Environment.ProcessorCount, 2, 4);

    /// <summary>How often each stream sends an RTCP report (RFC 3550 §6.2 suggests 5 s).</summary>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromSeconds(5);
}
