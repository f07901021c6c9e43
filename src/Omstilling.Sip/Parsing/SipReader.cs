using System.Text;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// A forward-only cursor over the bytes of one header value or start-line element. Errors are
/// thrown with the absolute offset in the message (<c>baseOffset</c> + position) and the
/// given reason, so every grammar rule reports where it failed without carrying context around.
/// </summary>
internal ref struct SipReader
{
    private readonly ReadOnlySpan<byte> _s;
    private readonly int _baseOffset;
    private readonly RejectReason _reason;
    private readonly string _what;
    private int _pos;

    public SipReader(ReadOnlySpan<byte> s, int baseOffset, RejectReason reason, string what)
    {
        _s = s;
        _baseOffset = baseOffset;
        _reason = reason;
        _what = what;
        _pos = 0;
    }

    public readonly bool End => _pos >= _s.Length;

    public readonly int Position => _pos;

    public readonly ReadOnlySpan<byte> Rest => _s[_pos..];

    public readonly ReadOnlySpan<byte> Source => _s;

    public readonly int PeekOrMinus1() => _pos < _s.Length ? _s[_pos] : -1;

    public readonly bool At(byte b) => _pos < _s.Length && _s[_pos] == b;

    public void Advance(int count) => _pos += count;

    /// <summary>Skips SP and HTAB (values are unfolded before grammar rules run, so SWS is just whitespace).</summary>
    public bool SkipWhitespace()
    {
        var start = _pos;
        while (_pos < _s.Length && SipChars.IsWhitespace(_s[_pos]))
        {
            _pos++;
        }

        return _pos > start;
    }

    /// <summary>Consumes <paramref name="b"/> with optional whitespace around it (SWS b SWS).</summary>
    public bool TrySeparator(byte b)
    {
        var save = _pos;
        SkipWhitespace();
        if (At(b))
        {
            _pos++;
            SkipWhitespace();
            return true;
        }

        _pos = save;
        return false;
    }

    public bool TryConsume(byte b)
    {
        if (At(b))
        {
            _pos++;
            return true;
        }

        return false;
    }

    public void Expect(byte b, string detail)
    {
        if (!TryConsume(b))
        {
            Fail(detail);
        }
    }

    /// <summary>Reads one or more bytes of a class; fails with <paramref name="detail"/> when there is none.</summary>
    public ReadOnlySpan<byte> ReadRequired(CharClass cls, string detail)
    {
        var start = _pos;
        while (_pos < _s.Length && SipChars.Is(_s[_pos], cls))
        {
            _pos++;
        }

        if (_pos == start)
        {
            Fail(detail);
        }

        return _s[start.._pos];
    }

    public ReadOnlySpan<byte> ReadToken(string detail) => ReadRequired(CharClass.Token, detail);

    /// <summary>Reads a quoted-string (RFC 3261 §25.1) including its quotes; fails if unterminated.</summary>
    public ReadOnlySpan<byte> ReadQuotedString()
    {
        var start = _pos;
        Expect((byte)'"', "Expected a quoted string");
        while (_pos < _s.Length)
        {
            var b = _s[_pos];
            if (b == '"')
            {
                _pos++;
                return _s[start.._pos];
            }

            if (b == '\\')
            {
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                if (_pos + 1 >= _s.Length || _s[_pos + 1] is (byte)'\r' or (byte)'\n' or >= 0x80)
                {
                    Fail("Bad escape in quoted string");
                }

                _pos += 2;
                continue;
            }

            if (b is (byte)'\r' or (byte)'\n' || (b < 0x20 && b != '\t') || b == 0x7F)
            {
                Fail("Control character in quoted string");
            }

            _pos++;
        }

        _pos = start;
        return Fail<ReadOnlySpan<byte>>("Unterminated quoted string");
    }

    /// <summary>Reads 1*DIGIT as a number, failing when it does not fit <paramref name="max"/>.</summary>
    public ulong ReadNumber(ulong max, string detail)
    {
        var start = _pos;
        ulong value = 0;
        while (_pos < _s.Length && SipChars.IsDigit(_s[_pos]))
        {
            var digit = (ulong)(_s[_pos] - '0');
            if (value > (max - digit) / 10)
            {
                _pos = start;
                Fail(detail);
            }

            value = (value * 10) + digit;
            _pos++;
        }

        if (_pos == start)
        {
            Fail(detail);
        }

        return value;
    }

    public readonly void Fail(string detail) => ThrowHelper.Reject(_reason, _baseOffset + _pos, $"{detail} in {_what}");

    public readonly T Fail<T>(string detail)
        where T : allows ref struct => ThrowHelper.Reject<T>(_reason, _baseOffset + _pos, $"{detail} in {_what}");

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
