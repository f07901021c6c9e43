using System.Net;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// Where the simulated phones live and whom they talk to. Immutable.
/// </summary>
/// <param name="Server">The Omstilling server's SIP address: where REGISTER and new calls go.</param>
/// <param name="LocalAddress">The address the phones' SIP port and RTP streams bind to (and announce).</param>
/// <param name="SipPort">The phones' one UDP SIP port; 0 lets the system pick a free one.</param>
/// <param name="FirstRtpPort">The first port of the phones' RTP/RTCP pairs.</param>
/// <param name="LastRtpPort">The last port of the phones' RTP/RTCP pairs.</param>
public sealed record PhoneNetworkOptions(IPEndPoint Server, IPAddress LocalAddress, int SipPort = 0, int FirstRtpPort = 30000, int LastRtpPort = 31998);
