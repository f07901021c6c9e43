using System.Text;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Values at the edges where length and number handling goes wrong: sign and width limits, one past
/// them, zero, and numbers too long for any integer type.
/// </summary>
internal static class Interesting
{
    public static readonly byte[] Bytes = [0x00, 0x01, 0x02, 0x0F, 0x10, 0x1F, 0x20, 0x3F, 0x40, 0x7E, 0x7F, 0x80, 0x81, 0xC0, 0xFE, 0xFF];

    public static readonly ushort[] Shorts = [0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x100, 0x3FFF, 0x4000, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];

    public static readonly uint[] Ints =
        [0, 1, 2, 3, 4, 0xFF, 0x100, 0xFFFF, 0x10000, 0x7FFFFFFE, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];

    /// <summary>Decimal (and not quite decimal) numbers as they appear in text protocols and YAML.</summary>
    public static readonly string[] Numbers =
    [
        "0", "00", "1", "-1", "-0", "+1", "9", "10", "59", "60", "99", "100", "127", "128", "255", "256", "699", "700",
        "1023", "1024", "4000", "8000", "32767", "32768", "65534", "65535", "65536", "2147483646", "2147483647",
        "2147483648", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999999999", "0000000000000000000000001",
        "1.5", "1e9", "0x10", " 1", "1 ", "\u0663",
    ];

    public static readonly byte[][] NumberBytes = [.. Numbers.Select(Encoding.UTF8.GetBytes)];
}
