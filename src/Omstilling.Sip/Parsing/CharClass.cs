namespace Omstilling.Sip.Parsing;

/// <summary>Character classes of the RFC 3261 §25 grammar, looked up in one 256-entry table.</summary>
[Flags]
internal enum CharClass : ushort
{
    None = 0,
    /// <summary>token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~".</summary>
    Token = 1 << 0,
    /// <summary>unreserved: alphanum / mark (- _ . ! ~ * ' ( )).</summary>
    Unreserved = 1 << 1,
    /// <summary>user-unreserved: &amp; = + $ , ; ? /.</summary>
    UserUnreserved = 1 << 2,
    /// <summary>param-unreserved: [ ] / : &amp; + $.</summary>
    ParamUnreserved = 1 << 3,
    /// <summary>hnv-unreserved: [ ] / ? : + $.</summary>
    HeaderUnreserved = 1 << 4,
    /// <summary>Letters, digits and "-" and "." as in hostnames.</summary>
    HostName = 1 << 5,
    /// <summary>word: token plus ( ) &lt; &gt; : \ " / [ ] ? { } (Call-ID).</summary>
    Word = 1 << 6,
    /// <summary>Password characters besides unreserved: &amp; = + $ ,.</summary>
    PasswordExtra = 1 << 7,
    /// <summary>Characters of a telephone-subscriber (RFC 3966) besides params.</summary>
    TelDigit = 1 << 8,
    /// <summary>Digits 0-9.</summary>
    Digit = 1 << 9,
    /// <summary>Letters a-z, A-Z.</summary>
    Alpha = 1 << 10,
    /// <summary>Characters of an absoluteURI's opaque part (RFC 2396 uric without escapes).</summary>
    Uric = 1 << 11,
}

/// <summary>Lookup of <see cref="CharClass"/> flags per byte.</summary>
internal static class SipChars
{
    private static readonly CharClass[] Table = Build();

    /// <summary>The token characters, for vectorised "is this all token" checks.</summary>
    public static readonly System.Buffers.SearchValues<byte> TokenValues =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    public static bool Is(byte b, CharClass cls) => (Table[b] & cls) != 0;

    public static bool IsToken(byte b) => (Table[b] & CharClass.Token) != 0;

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 5;

    /// <summary>SP or HTAB.</summary>
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>UTF8-NONASCII lead or continuation byte (quoted strings and reason phrases may carry them).</summary>
    public static bool IsNonAscii(byte b) => b >= 0x80;

    private static CharClass[] Build()
    {
        var t = new CharClass[256];
        for (var c = 'a'; c <= 'z'; c++)
        {
            t[c] |= CharClass.Alpha;
            t[c - 32] |= CharClass.Alpha;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            t[c] |= CharClass.Digit | CharClass.TelDigit;
        }

        for (var i = 0; i < 256; i++)
        {
            if ((t[i] & (CharClass.Alpha | CharClass.Digit)) != 0)
            {
                t[i] |= CharClass.Token | CharClass.Unreserved | CharClass.HostName | CharClass.Word | CharClass.Uric;
            }
        }

        Add(t, "-.!%*_+`'~", CharClass.Token | CharClass.Word);
        Add(t, "-_.!~*'()", CharClass.Unreserved | CharClass.Uric);
        Add(t, "&=+$,;?/", CharClass.UserUnreserved);
        Add(t, "[]/:&+$", CharClass.ParamUnreserved);
        Add(t, "[]/?:+$", CharClass.HeaderUnreserved);
        Add(t, "-.", CharClass.HostName);
        Add(t, "()<>:\\\"/[]?{}", CharClass.Word);
        Add(t, "&=+$,", CharClass.PasswordExtra);
        Add(t, "*#-.()ABCDEFabcdefpw+", CharClass.TelDigit);
        Add(t, ";/?:@&=+$,%[]", CharClass.Uric);
        return t;
    }

    private static void Add(CharClass[] table, string chars, CharClass cls)
    {
        foreach (var c in chars)
        {
            table[c] |= cls;
        }
    }
}
