using System.Security.Cryptography;

namespace Omstilling.Sip.Messages;

/// <summary>
/// Fresh identifiers: branches (RFC 3261 §8.1.1.7), tags (§19.3) and Call-IDs (§8.1.1.4). Random
/// from the OS generator so they are unique across restarts and not guessable by an attacker who
/// wants to inject a CANCEL or BYE into someone else's call. Thread-safe.
/// </summary>
public static class SipIds
{
    public static string NewBranch() => Via.MagicCookie + Random(10);

    public static string NewTag() => Random(8);

    public static string NewCallId(string host) => $"{Random(12)}@{host}";

    private static string Random(int bytes)
    {
        Span<byte> buffer = stackalloc byte[16];
        RandomNumberGenerator.Fill(buffer[..bytes]);
        return Convert.ToHexStringLower(buffer[..bytes]);
    }
}
