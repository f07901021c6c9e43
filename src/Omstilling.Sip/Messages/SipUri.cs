using System.Globalization;
using System.Text;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Messages;

/// <summary>
/// A SIP, SIPS or tel URI (RFC 3261 §19.1, RFC 3966), or any other absolute URI kept opaque.
/// Components are kept as written (escapes included) so a URI round-trips; use
/// <see cref="UnescapedUser"/> for the decoded user part. Immutable and thread-safe.
/// </summary>
public sealed record SipUri
{
    public const string SipScheme = "sip";
    public const string SipsScheme = "sips";
    public const string TelScheme = "tel";

    /// <summary>Lower-case scheme: "sip", "sips", "tel" or another absolute URI scheme.</summary>
    public required string Scheme { get; init; }

    /// <summary>The user part (sip/sips) or the telephone-subscriber (tel), as written; null when absent.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Host name, IPv4 address or bracketed IPv6 reference; empty for tel and opaque URIs.</summary>
    public string Host { get; init; } = "";

    public int? Port { get; init; }

    public ParameterList Parameters { get; init; } = ParameterList.Empty;

    /// <summary>The URI headers after '?', as written, or null.</summary>
    public string? Headers { get; init; }

    /// <summary>For schemes other than sip, sips and tel: everything after "scheme:".</summary>
    public string? Opaque { get; init; }

    public bool IsSip => Scheme is SipScheme or SipsScheme;

    public bool IsSecure => Scheme == SipsScheme;

    public bool IsTel => Scheme == TelScheme;

    /// <summary>The user part with %HH escapes decoded.</summary>
    public string? UnescapedUser => User is null ? null : Unescape(User);

    /// <summary>The transport parameter in lower case, or null.</summary>
    public string? Transport => Parameters.Get("transport")?.ToLowerInvariant();

    /// <summary>"host" or "host:port".</summary>
    public string HostPort => Port is { } p ? $"{Host}:{p.ToString(CultureInfo.InvariantCulture)}" : Host;

    public static SipUri Sip(string? user, string host, int? port = null, ParameterList? parameters = null) =>
        new() { Scheme = SipScheme, User = user, Host = host, Port = port, Parameters = parameters ?? ParameterList.Empty };

    /// <summary>Parses a URI; throws <see cref="FormatException"/> with the reason when it is malformed.</summary>
    public static SipUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return UriGrammar.Parse(Encoding.UTF8.GetBytes(text), 0, RejectReason.BadHeaderValue, "URI")!;
        }
        catch (SipParseException e)
        {
            throw new FormatException($"Not a valid URI: '{text}': {e.Detail}", e);
        }
    }

    public static bool TryParse(string text, out SipUri? uri)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            uri = UriGrammar.Parse(Encoding.UTF8.GetBytes(text), 0, RejectReason.BadHeaderValue, "URI");
            return true;
        }
        catch (SipParseException)
        {
            uri = null;
            return false;
        }
    }

    public SipUri WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public SipUri WithoutParameter(string name) => this with { Parameters = Parameters.Without(name) };

    public override string ToString()
    {
        var sb = new StringBuilder(64);
        AppendTo(sb);
        return sb.ToString();
    }

    public void AppendTo(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append(Scheme).Append(':');
        if (Opaque is not null)
        {
            sb.Append(Opaque);
            return;
        }

        if (IsTel)
        {
            sb.Append(User);
            Parameters.AppendTo(sb);
            return;
        }

        if (User is not null)
        {
            sb.Append(User);
            if (Password is not null)
            {
                sb.Append(':').Append(Password);
            }

            sb.Append('@');
        }

        sb.Append(Host);
        if (Port is { } port)
        {
            sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(sb);
        if (Headers is not null)
        {
            sb.Append('?').Append(Headers);
        }
    }

    /// <summary>Decodes %HH escapes (UTF-8); text without escapes is returned as is.</summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length &&
                byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
