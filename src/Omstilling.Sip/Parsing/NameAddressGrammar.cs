using System.Text;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// ( name-addr / addr-spec ) *( SEMI generic-param ) with
/// name-addr = [ display-name ] LAQUOT addr-spec RAQUOT and display-name = *(token LWS) / quoted-string.
/// In the addr-spec form the URI ends at the first ';' and must not contain ',', '?' or ';'
/// (RFC 3261 §20.10), which is what makes RFC 4475 §3.1.2.13 invalid.
/// </summary>
internal static class NameAddressGrammar
{
    public static NameAddress? Parse(ReadOnlySpan<byte> s, int baseOffset, string what) =>
        Scan(s, baseOffset, what, build: true);

    public static void Validate(ReadOnlySpan<byte> s, int baseOffset, string what) =>
        Scan(s, baseOffset, what, build: false);

    private static NameAddress? Scan(ReadOnlySpan<byte> s, int baseOffset, string what, bool build)
    {
        var r = new SipReader(s, baseOffset, RejectReason.BadHeaderValue, what);
        r.SkipWhitespace();
        string? displayName = null;
        ReadOnlySpan<byte> uri;
        int uriOffset;

        if (r.At((byte)'"'))
        {
            var quoted = r.ReadQuotedString();
            displayName = build ? Unquote(quoted) : null;
            r.SkipWhitespace();
            uri = ReadBracketed(ref r, out uriOffset);
        }
        else if (r.At((byte)'<'))
        {
            uri = ReadBracketed(ref r, out uriOffset);
        }
        else if (LooksLikeAddrSpec(r.Rest))
        {
            uriOffset = r.Position;
            var rest = r.Rest;
            var end = rest.IndexOfAny(";, \t"u8);
            uri = end < 0 ? rest : rest[..end];
            if (uri.IndexOfAny("?,"u8) >= 0)
            {
                r.Fail("URI with '?' or ',' must be enclosed in <>");
            }

            r.Advance(uri.Length);
        }
        else
        {
            // display-name = *(token LWS): one or more tokens, then '<'.
            var start = r.Position;
            while (!r.End && !r.At((byte)'<'))
            {
                r.ReadToken("Bad display name");
                r.SkipWhitespace();
            }

            if (build)
            {
                displayName = Encoding.UTF8.GetString(s[start..r.Position]).TrimEnd(' ', '\t');
            }

            uri = ReadBracketed(ref r, out uriOffset);
        }

        var parsedUri = build
            ? UriGrammar.Parse(uri, baseOffset + uriOffset, RejectReason.BadHeaderValue, what)
            : null;
        if (!build)
        {
            UriGrammar.Validate(uri, baseOffset + uriOffset, RejectReason.BadHeaderValue, what, out _);
        }

        var parameters = ParameterGrammar.ReadToEnd(ref r, build);
        return build ? new NameAddress(parsedUri!, displayName, parameters) : null;
    }

    /// <summary>LAQUOT addr-spec RAQUOT with no whitespace inside the brackets (RFC 4475 §3.1.2.14).</summary>
    private static ReadOnlySpan<byte> ReadBracketed(scoped ref SipReader r, out int offset)
    {
        r.Expect((byte)'<', "Expected '<'");
        var start = r.Position;
        var close = r.Rest.IndexOf((byte)'>');
        if (close < 0)
        {
            r.Fail("Missing '>'");
        }

        var uri = r.Rest[..close];
        r.Advance(close + 1);
        offset = start;
        return uri;
    }

    /// <summary>An addr-spec starts with a URI scheme followed by ':' (a display name token never contains ':').</summary>
    private static bool LooksLikeAddrSpec(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && (SipChars.Is(s[i], CharClass.Alpha | CharClass.Digit) || s[i] is (byte)'+' or (byte)'-' or (byte)'.'))
        {
            i++;
        }

        return i > 0 && i < s.Length && s[i] == ':';
    }

    /// <summary>Removes the quotes of a quoted-string and resolves quoted-pairs.</summary>
    internal static string Unquote(ReadOnlySpan<byte> quoted)
    {
        var inner = quoted[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(inner);
        }

        var buffer = new byte[inner.Length];
        var n = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            buffer[n++] = inner[i];
        }

        return Encoding.UTF8.GetString(buffer, 0, n);
    }
}
