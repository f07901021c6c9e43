using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>Grammar of the scalar headers: CSeq, Max-Forwards, Content-Length, Expires and Call-ID.</summary>
internal static class ScalarGrammar
{
    /// <summary>CSeq = 1*DIGIT LWS Method, the number below 2^31 (RFC 3261 §8.1.1.5; RFC 4475 §3.1.2.4).</summary>
    public static CSeq ParseCSeq(ReadOnlySpan<byte> s, int baseOffset)
    {
        var r = new SipReader(s, baseOffset, RejectReason.BadHeaderValue, "CSeq");
        r.SkipWhitespace();
        var number = (uint)r.ReadNumber(CSeq.MaxNumber, "Bad sequence number");
        if (!r.SkipWhitespace())
        {
            r.Fail("Expected whitespace after sequence number");
        }

        var method = SipMethod.FromToken(r.ReadToken("Bad method"));
        r.SkipWhitespace();
        if (!r.End)
        {
            r.Fail("Unexpected characters");
        }

        return new CSeq(number, method);
    }

    /// <summary>Validates a CSeq and returns where its method is, without allocating.</summary>
    public static (int Start, int Length) ValidateCSeq(ReadOnlySpan<byte> s, int baseOffset)
    {
        var r = new SipReader(s, baseOffset, RejectReason.BadHeaderValue, "CSeq");
        r.SkipWhitespace();
        r.ReadNumber(CSeq.MaxNumber, "Bad sequence number");
        if (!r.SkipWhitespace())
        {
            r.Fail("Expected whitespace after sequence number");
        }

        var start = r.Position;
        var method = r.ReadToken("Bad method");
        r.SkipWhitespace();
        if (!r.End)
        {
            r.Fail("Unexpected characters");
        }

        return (start, method.Length);
    }

    /// <summary>1*DIGIT with an upper bound; anything else is a 400.</summary>
    public static ulong ParseNumber(ReadOnlySpan<byte> s, int baseOffset, ulong max, string what)
    {
        var r = new SipReader(s, baseOffset, RejectReason.BadHeaderValue, what);
        r.SkipWhitespace();
        var value = r.ReadNumber(max, "Bad or too large number");
        r.SkipWhitespace();
        if (!r.End)
        {
            r.Fail("Unexpected characters");
        }

        return value;
    }

    /// <summary>
    /// delta-seconds = 1*DIGIT. Values beyond 2^32-1 are read as 2^32-1, as RFC 3261 §20.19 allows;
    /// non-digits are a 400.
    /// </summary>
    public static long ParseDeltaSeconds(ReadOnlySpan<byte> s, int baseOffset, string what)
    {
        var r = new SipReader(s, baseOffset, RejectReason.BadHeaderValue, what);
        r.SkipWhitespace();
        var start = r.Position;
        long value = 0;
        while (!r.End && SipChars.IsDigit((byte)r.PeekOrMinus1()))
        {
            value = Math.Min(uint.MaxValue, (value * 10) + (r.PeekOrMinus1() - '0'));
            r.Advance(1);
        }

        if (r.Position == start)
        {
            r.Fail("Expected a number of seconds");
        }

        r.SkipWhitespace();
        if (!r.End)
        {
            r.Fail("Unexpected characters");
        }

        return value;
    }

    /// <summary>callid = word [ "@" word ] (RFC 3261 §25.1).</summary>
    public static void ValidateCallId(ReadOnlySpan<byte> s, int baseOffset)
    {
        var r = new SipReader(s, baseOffset, RejectReason.BadHeaderValue, "Call-ID");
        r.ReadRequired(CharClass.Word, "Bad Call-ID");
        if (r.TryConsume((byte)'@'))
        {
            r.ReadRequired(CharClass.Word, "Bad Call-ID");
        }

        if (!r.End)
        {
            r.Fail("Unexpected characters");
        }
    }
}
