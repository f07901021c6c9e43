using System.Security.Cryptography;
using System.Text;

namespace Omstilling.Sip.Auth;

/// <summary>The digest hash algorithms of RFC 7616 / RFC 8760 we accept.</summary>
public enum DigestAlgorithm
{
    Md5,
    Sha256,
}

/// <summary>Names and hashing for <see cref="DigestAlgorithm"/>.</summary>
public static class DigestAlgorithms
{
    public static string Token(this DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";

    /// <summary>Parses the algorithm parameter; absent means MD5 (RFC 2617 §3.2.1).</summary>
    public static bool TryParse(string? token, out DigestAlgorithm algorithm)
    {
        if (token is null || token.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5;
            return true;
        }

        if (token.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }

        algorithm = default;
        return false;
    }

    /// <summary>Lower-case hex of the hash of the UTF-8 text.</summary>
    public static string Hash(this DigestAlgorithm algorithm, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> hash = stackalloc byte[32];
        var length = algorithm == DigestAlgorithm.Md5
#pragma warning disable CA5351 // MD5 is what SIP digest authentication (RFC 2617/7616) requires of every phone.
            ? MD5.HashData(bytes, hash)
#pragma warning restore CA5351
            : SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..length]);
    }

    /// <summary>HA1 = H(username ":" realm ":" password), what an account store keeps instead of the password.</summary>
    public static string Ha1(this DigestAlgorithm algorithm, string username, string realm, string password) =>
        algorithm.Hash($"{username}:{realm}:{password}");
}
