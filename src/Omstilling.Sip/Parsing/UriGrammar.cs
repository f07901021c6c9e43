using System.Text;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// The URI grammar of RFC 3261 §25.1 (SIP-URI, SIPS-URI, absoluteURI) and RFC 3966 (tel).
/// One implementation serves validation while parsing a message (<c>build: false</c>, no
/// allocation) and building a <see cref="SipUri"/> on demand (<c>build: true</c>).
/// The span must hold exactly the URI: no surrounding whitespace or angle brackets.
/// </summary>
internal static class UriGrammar
{
    public static SipUri? Parse(ReadOnlySpan<byte> s, int baseOffset, RejectReason reason, string what) =>
        Scan(s, baseOffset, reason, what, build: true, out _);

    /// <summary>
    /// Validates without allocating. <paramref name="hasHeaders"/> tells whether a SIP URI carries a
    /// '?' header part, which a Request-URI must not (RFC 3261 §19.1.1, table 1).
    /// </summary>
    public static void Validate(ReadOnlySpan<byte> s, int baseOffset, RejectReason reason, string what, out bool hasHeaders) =>
        Scan(s, baseOffset, reason, what, build: false, out hasHeaders);

    private static SipUri? Scan(ReadOnlySpan<byte> s, int baseOffset, RejectReason reason, string what, bool build, out bool hasHeaders)
    {
        hasHeaders = false;
        var r = new SipReader(s, baseOffset, reason, what);
        var colon = s.IndexOf((byte)':');
        if (colon <= 0 || !SipChars.Is(s[0], CharClass.Alpha))
        {
            r.Fail("Missing URI scheme");
        }

        foreach (var b in s[..colon])
        {
            if (!SipChars.Is(b, CharClass.Alpha | CharClass.Digit) && b is not ((byte)'+' or (byte)'-' or (byte)'.'))
            {
                r.Fail("Bad URI scheme");
            }
        }

        var scheme = s[..colon];
        r.Advance(colon + 1);
        if (Ascii.EqualsIgnoreCase(scheme, "sip"u8))
        {
            return ScanSip(ref r, SipUri.SipScheme, build, out hasHeaders);
        }

        if (Ascii.EqualsIgnoreCase(scheme, "sips"u8))
        {
            return ScanSip(ref r, SipUri.SipsScheme, build, out hasHeaders);
        }

        if (Ascii.EqualsIgnoreCase(scheme, "tel"u8))
        {
            return ScanTel(ref r, build);
        }

        return ScanOpaque(ref r, scheme, build);
    }

    private static SipUri? ScanSip(ref SipReader r, string scheme, bool build, out bool hasHeaders)
    {
        hasHeaders = false;
        string? user = null;
        string? password = null;
        var rest = r.Rest;
        var at = rest.IndexOf((byte)'@');
        if (at >= 0)
        {
            var colon = rest[..at].IndexOf((byte)':');
            var userLength = colon >= 0 ? colon : at;
            var userBytes = ScanEscaped(ref r, userLength, CharClass.Unreserved | CharClass.UserUnreserved, "Bad character in URI user part");
            if (userBytes.IsEmpty)
            {
                r.Fail("Empty URI user part");
            }

            user = build ? SipReader.Text(userBytes) : null;
            if (colon >= 0)
            {
                r.Advance(1);
                var pw = ScanEscaped(ref r, at - colon - 1, CharClass.Unreserved | CharClass.PasswordExtra, "Bad character in URI password");
                password = build ? SipReader.Text(pw) : null;
            }

            r.Advance(1); // '@'
        }

        var host = ScanHost(ref r);
        int? port = null;
        if (r.TryConsume((byte)':'))
        {
            port = (int)r.ReadNumber(65535, "Bad port");
        }

        var parameters = ScanUriParameters(ref r, build);
        string? headers = null;
        if (r.TryConsume((byte)'?'))
        {
            hasHeaders = true;
            var start = r.Position;
            ScanUriHeaders(ref r);
            headers = build ? SipReader.Text(r.Source[start..r.Position]) : null;
        }

        if (!r.End)
        {
            r.Fail("Unexpected character in URI");
        }

        return build
            ? new SipUri
            {
                Scheme = scheme, User = user, Password = password, Host = SipReader.Text(host), Port = port,
                Parameters = parameters, Headers = headers,
            }
            : null;
    }

    private static SipUri? ScanTel(ref SipReader r, bool build)
    {
        var number = r.ReadRequired(CharClass.TelDigit, "Bad telephone number");
        var parameters = ScanUriParameters(ref r, build);
        if (!r.End)
        {
            r.Fail("Unexpected character in tel URI");
        }

        return build ? new SipUri { Scheme = SipUri.TelScheme, User = SipReader.Text(number), Parameters = parameters } : null;
    }

    private static SipUri? ScanOpaque(ref SipReader r, ReadOnlySpan<byte> scheme, bool build)
    {
        var start = r.Position;
        ScanEscaped(ref r, r.Rest.Length, CharClass.Uric, "Bad character in URI");
        if (r.Position == start)
        {
            r.Fail("Empty URI");
        }

        return build
            ? new SipUri
            {
                Scheme = Encoding.ASCII.GetString(scheme).ToLowerInvariant(),
                Opaque = SipReader.Text(r.Source[start..r.Position]),
            }
            : null;
    }

    /// <summary>host = hostname / IPv4address / IPv6reference.</summary>
    public static ReadOnlySpan<byte> ScanHost(scoped ref SipReader r)
    {
        var start = r.Position;
        if (r.TryConsume((byte)'['))
        {
            var inner = r.Position;
            while (!r.End && (SipChars.IsHex((byte)r.PeekOrMinus1()) || r.At((byte)':') || r.At((byte)'.')))
            {
                r.Advance(1);
            }

            if (r.Position == inner || !r.TryConsume((byte)']'))
            {
                r.Fail("Bad IPv6 reference");
            }

            return r.Source[start..r.Position];
        }

        var host = r.ReadRequired(CharClass.HostName, "Missing or bad host");
        if (host[0] is (byte)'-' or (byte)'.')
        {
            r.Fail("Bad host name");
        }

        return host;
    }

    private static ParameterList ScanUriParameters(ref SipReader r, bool build)
    {
        List<SipParameter>? list = null;
        while (r.TryConsume((byte)';'))
        {
            var name = ScanEscaped(ref r, UntilAny(r.Rest, "=;?"u8), CharClass.Unreserved | CharClass.ParamUnreserved, "Bad URI parameter");
            if (name.IsEmpty)
            {
                r.Fail("Empty URI parameter name");
            }

            ReadOnlySpan<byte> value = default;
            var hasValue = r.TryConsume((byte)'=');
            if (hasValue)
            {
                value = ScanEscaped(ref r, UntilAny(r.Rest, ";?"u8), CharClass.Unreserved | CharClass.ParamUnreserved, "Bad URI parameter value");
                if (value.IsEmpty)
                {
                    r.Fail("Empty URI parameter value");
                }
            }

            if (build)
            {
                (list ??= []).Add(new SipParameter(KnownTokens.Text(name), hasValue ? KnownTokens.Text(value) : null));
            }
        }

        return ParameterList.FromList(list);
    }

    private static void ScanUriHeaders(ref SipReader r)
    {
        do
        {
            var name = ScanEscaped(ref r, UntilAny(r.Rest, "=&"u8), CharClass.Unreserved | CharClass.HeaderUnreserved, "Bad URI header");
            if (name.IsEmpty)
            {
                r.Fail("Empty URI header name");
            }

            r.Expect((byte)'=', "Expected '=' in URI header");
            ScanEscaped(ref r, UntilAny(r.Rest, "&"u8), CharClass.Unreserved | CharClass.HeaderUnreserved, "Bad URI header value");
        }
        while (r.TryConsume((byte)'&'));
    }

    /// <summary>
    /// Consumes up to <paramref name="maxLength"/> bytes that are in <paramref name="allowed"/> or
    /// %HH escapes, stopping at the first other byte; returns what it consumed.
    /// </summary>
    private static ReadOnlySpan<byte> ScanEscaped(scoped ref SipReader r, int maxLength, CharClass allowed, string detail)
    {
        var start = r.Position;
        var end = start + maxLength;
        while (r.Position < end)
        {
            var b = (byte)r.PeekOrMinus1();
            if (b == '%')
            {
                var rest = r.Rest;
                if (rest.Length < 3 || !SipChars.IsHex(rest[1]) || !SipChars.IsHex(rest[2]))
                {
                    r.Fail("Bad % escape");
                }

                r.Advance(3);
                continue;
            }

            if (!SipChars.Is(b, allowed))
            {
                r.Fail(detail);
            }

            r.Advance(1);
        }

        return r.Source[start..r.Position];
    }

    private static int UntilAny(ReadOnlySpan<byte> s, ReadOnlySpan<byte> stops)
    {
        var i = s.IndexOfAny(stops);
        return i < 0 ? s.Length : i;
    }
}
