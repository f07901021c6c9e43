using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// Header parameters: *( SEMI generic-param ), generic-param = token [ EQUAL gen-value ],
/// gen-value = token / host / quoted-string (RFC 3261 §25.1). Values keep their quotes.
/// </summary>
internal static class ParameterGrammar
{
    /// <summary>Reads parameters until the end of the value; anything else is an error.</summary>
    public static ParameterList ReadToEnd(ref SipReader r, bool build)
    {
        List<SipParameter>? list = null;
        r.SkipWhitespace();
        while (!r.End)
        {
            if (!r.TrySeparator((byte)';'))
            {
                r.Fail("Expected ';' before parameter");
            }

            var name = r.ReadToken("Bad parameter name");
            ReadOnlySpan<byte> value = default;
            var hasValue = r.TrySeparator((byte)'=');
            if (hasValue)
            {
                value = ReadGenericValue(ref r);
            }

            if (build)
            {
                (list ??= []).Add(new SipParameter(KnownTokens.Text(name), hasValue ? KnownTokens.Text(value) : null));
            }

            r.SkipWhitespace();
        }

        return ParameterList.FromList(list);
    }

    /// <summary>gen-value: a quoted-string, an IPv6 reference, or token characters (':' allowed for bare IPv6 in received=).</summary>
    private static ReadOnlySpan<byte> ReadGenericValue(scoped ref SipReader r)
    {
        if (r.At((byte)'"'))
        {
            return r.ReadQuotedString();
        }

        if (r.At((byte)'['))
        {
            return UriGrammar.ScanHost(ref r);
        }

        var start = r.Position;
        while (!r.End && (SipChars.IsToken((byte)r.PeekOrMinus1()) || r.At((byte)':')))
        {
            r.Advance(1);
        }

        if (r.Position == start)
        {
            r.Fail("Empty parameter value");
        }

        return r.Source[start..r.Position];
    }
}
