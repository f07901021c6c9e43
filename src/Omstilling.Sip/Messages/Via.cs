using System.Globalization;
using System.Net;
using System.Text;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Messages;

/// <summary>
/// One Via header value (RFC 3261 §20.42, RFC 3581): <c>SIP/2.0/UDP host:port;branch=z9hG4bK...;rport</c>.
/// Immutable and thread-safe.
/// </summary>
public sealed record Via
{
    /// <summary>The branch prefix of RFC 3261 transactions (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    public Via(string transport, string host, int? port, ParameterList? parameters = null)
    {
        Transport = transport;
        Host = host;
        Port = port;
        Parameters = parameters ?? ParameterList.Empty;
    }

    /// <summary>Protocol name and version, normally "SIP/2.0".</summary>
    public string Protocol { get; init; } = "SIP/2.0";

    /// <summary>Transport token in upper case: UDP, TCP, TLS, SCTP, WS or an unknown token.</summary>
    public string Transport { get; init; }

    public string Host { get; init; }

    public int? Port { get; init; }

    public ParameterList Parameters { get; init; }

    public string? Branch => Parameters.Get("branch");

    /// <summary>True for a branch that starts with the RFC 3261 magic cookie.</summary>
    public bool HasRfc3261Branch => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    public string? Received => Parameters.Get("received");

    /// <summary>The rport parameter is present (RFC 3581 §3: the client wants the source port back).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>
    /// The rport value filled in by a server, or null; a value that is no port (0, above 65535) is
    /// null too, so a server stamps the real source port over it as over an empty one (RFC 3581 §4).
    /// </summary>
    public int? RPort =>
        int.TryParse(Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= IPEndPoint.MaxPort
            ? p
            : null;

    public string? Maddr => Parameters.Get("maddr");

    /// <summary>"host" or "host:port" as sent.</summary>
    public string SentBy => Port is { } p ? $"{Host}:{p.ToString(CultureInfo.InvariantCulture)}" : Host;

    public Via WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public static Via Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return ViaGrammar.Parse(Encoding.UTF8.GetBytes(text), 0)!;
        }
        catch (SipParseException e)
        {
            throw new FormatException($"Not a valid Via: '{text}': {e.Detail}", e);
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder(96);
        sb.Append(Protocol).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
