using System.Text;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Messages;

/// <summary>
/// A name-addr or addr-spec with header parameters, as in From, To, Contact, Route and
/// Record-Route (RFC 3261 §20.10, §25.1): <c>"Jens Hansen" &lt;sip:2001@host&gt;;tag=abc</c>.
/// Always serialized with angle brackets, which is valid for every header that takes one.
/// Immutable and thread-safe.
/// </summary>
public sealed record NameAddress
{
    public NameAddress(SipUri uri, string? displayName = null, ParameterList? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? ParameterList.Empty;
    }

    /// <summary>The display name with quotes and escapes removed, or null.</summary>
    public string? DisplayName { get; init; }

    public SipUri Uri { get; init; }

    public ParameterList Parameters { get; init; }

    /// <summary>The tag parameter (RFC 3261 §19.3), or null.</summary>
    public string? Tag => Parameters.Get("tag");

    public NameAddress WithTag(string tag) => this with { Parameters = Parameters.With("tag", tag) };

    public static NameAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return NameAddressGrammar.Parse(Encoding.UTF8.GetBytes(text), 0, "address")!;
        }
        catch (SipParseException e)
        {
            throw new FormatException($"Not a valid address: '{text}': {e.Detail}", e);
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder(80);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            sb.Append('"');
            foreach (var c in DisplayName)
            {
                // quoted-pair (RFC 3261 §25.1) covers every ASCII byte but CR and LF, which cannot be carried at all.
                if (c is '\r' or '\n')
                {
                    sb.Append(' ');
                    continue;
                }

                if (c is '"' or '\\' || c < 0x20 || c == 0x7F)
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }

            sb.Append("\" ");
        }

        sb.Append('<');
        Uri.AppendTo(sb);
        sb.Append('>');
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
