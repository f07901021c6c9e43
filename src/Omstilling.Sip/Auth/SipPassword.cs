using System.Security.Cryptography;

namespace Omstilling.Sip.Auth;

/// <summary>
/// Passwords for phones' SIP accounts, made by the platform rather than chosen: 16 characters from
/// an alphabet without look-alikes (no 0/O/o, 1/l/I), read off a screen and typed into a phone's
/// keypad or web page without doubt. 16 of 56 symbols are about 93 bits, beyond guessing through
/// digest challenges or from a captured HA1 exchange. Pure and thread-safe.
/// </summary>
public static class SipPassword
{
    public const int Length = 16;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new password from the operating system's cryptographic random source.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);
}
