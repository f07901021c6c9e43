using System.Net;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Transactions;

/// <summary>Settings of a <see cref="SipStack"/>. Immutable.</summary>
public sealed record SipStackOptions
{
    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;

    public SipParserLimits Limits { get; init; } = SipParserLimits.Default;

    /// <summary>The User-Agent and Server header value.</summary>
    public string UserAgent { get; init; } = "Omstilling";

    /// <summary>
    /// The address written into Via and Contact when a transport is bound to a wildcard address.
    /// Null: the address the OS would use to reach each peer.
    /// </summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>
    /// Per-source limits (blocking) and the overload limit on calls in setup (503); null: none
    /// (tests and benchmarks that drive the stack directly). <c>omstilling run</c> always sets them.
    /// </summary>
    public Security.AbuseLimits? Abuse { get; init; }
}
