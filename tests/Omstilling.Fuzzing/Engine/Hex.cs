using System.Text;

namespace Omstilling.Fuzzing.Engine;

/// <summary>Inputs as text a person can paste into a regression test.</summary>
public static class Hex
{
    /// <summary>Lowercase hex, no separators (<c>Convert.FromHexString</c> reads it back).</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>
    /// A C# string literal of the bytes when they are mostly text (escapes for the rest), so a finding
    /// can be pasted as it reads; null for binary input.
    /// </summary>
    public static string? AsCSharpString(ReadOnlySpan<byte> bytes)
    {
        var printable = 0;
        foreach (var b in bytes)
        {
            printable += b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' or (byte)'\t' ? 1 : 0;
        }

        if (bytes.Length > 0 && printable * 10 < bytes.Length * 9)
        {
            return null;
        }

        var sb = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            sb.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\u{b:x4}",
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Hex and, for text, the escaped string: for failure messages.</summary>
    public static string Dump(ReadOnlySpan<byte> bytes)
    {
        var text = AsCSharpString(bytes);
        var hex = bytes.Length > 4096 ? $"{Of(bytes[..4096])}... ({bytes.Length} bytes)" : Of(bytes);
        return text is null ? $"hex: {hex}" : $"hex: {hex}\ntext (\\uXXXX is one byte, Latin-1): {(text.Length > 8192 ? text[..8192] + "..." : text)}";
    }
}
