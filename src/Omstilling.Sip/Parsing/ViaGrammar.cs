using System.Text;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// via-parm = sent-protocol LWS sent-by *( SEMI via-params ), sent-protocol =
/// protocol-name SLASH protocol-version SLASH transport, where SLASH allows whitespace around it
/// (RFC 3261 §25.1; RFC 4475 §3.1.1.1 exercises that).
/// </summary>
internal static class ViaGrammar
{
    public static Via? Parse(ReadOnlySpan<byte> s, int baseOffset) => Scan(s, baseOffset, build: true);

    public static void Validate(ReadOnlySpan<byte> s, int baseOffset) => Scan(s, baseOffset, build: false);

    private static Via? Scan(ReadOnlySpan<byte> s, int baseOffset, bool build)
    {
        var r = new SipReader(s, baseOffset, RejectReason.BadHeaderValue, "Via");
        r.SkipWhitespace();
        var name = r.ReadToken("Bad protocol name");
        if (!r.TrySeparator((byte)'/'))
        {
            r.Fail("Expected '/'");
        }

        var version = r.ReadToken("Bad protocol version");
        if (!r.TrySeparator((byte)'/'))
        {
            r.Fail("Expected '/'");
        }

        var transport = r.ReadToken("Bad transport");
        if (!r.SkipWhitespace())
        {
            r.Fail("Expected whitespace before sent-by");
        }

        var host = UriGrammar.ScanHost(ref r);
        int? port = null;
        if (r.TrySeparator((byte)':'))
        {
            port = (int)r.ReadNumber(65535, "Bad port");
        }

        var parameters = ParameterGrammar.ReadToEnd(ref r, build);
        if (!build)
        {
            return null;
        }

        return new Via(Encoding.ASCII.GetString(transport).ToUpperInvariant(), Encoding.ASCII.GetString(host), port, parameters)
        {
            Protocol = $"{Encoding.ASCII.GetString(name)}/{Encoding.ASCII.GetString(version)}",
        };
    }
}
