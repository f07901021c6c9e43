using System.Text;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// Shared string instances for the parameter names and values that appear in nearly every message,
/// so parsing them allocates nothing and long-lived values (registrations) do not each carry copies.
/// </summary>
internal static class KnownTokens
{
    private static readonly string[] Tokens =
    [
        "tag", "branch", "rport", "received", "transport", "udp", "tcp", "tls", "UDP", "TCP", "TLS", "lr", "expires", "maddr",
        "user", "phone", "q", "ob", "+sip.instance", "reg-id", "ttl", "method",
    ];

    public static string Text(ReadOnlySpan<byte> bytes)
    {
        foreach (var token in Tokens)
        {
            if (token.Length == bytes.Length && Matches(bytes, token))
            {
                return token;
            }
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static bool Matches(ReadOnlySpan<byte> bytes, string token)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != token[i])
            {
                return false;
            }
        }

        return true;
    }
}
