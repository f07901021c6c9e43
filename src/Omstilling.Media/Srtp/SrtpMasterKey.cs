using System.Security.Cryptography;

namespace Omstilling.Media.Srtp;

/// <summary>
/// The master key and master salt of AES_CM_128_HMAC_SHA1_80 (RFC 4568 §6.2.1): 16 bytes of key
/// and 14 of salt, written in SDP as <c>inline:</c> and the base64 of the 30 bytes together.
/// Immutable; equal when the bytes are.
/// </summary>
public sealed class SrtpMasterKey : IEquatable<SrtpMasterKey>
{
    /// <summary>Bytes of the master key (AES-128).</summary>
    public const int KeyLength = 16;

    /// <summary>Bytes of the master salt (112 bits, RFC 3711 §8.2).</summary>
    public const int SaltLength = 14;

    /// <summary>Key and salt together: what <c>inline:</c> carries.</summary>
    public const int Length = KeyLength + SaltLength;

    private readonly byte[] _bytes;

    private SrtpMasterKey(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Key => _bytes.AsSpan(0, KeyLength);

    public ReadOnlySpan<byte> Salt => _bytes.AsSpan(KeyLength, SaltLength);

    /// <summary>A fresh key from the operating system's random generator: one for each stream we send.</summary>
    public static SrtpMasterKey Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Key and salt given as 30 bytes (key first).</summary>
    public static SrtpMasterKey FromBytes(ReadOnlySpan<byte> keyAndSalt)
    {
        if (keyAndSalt.Length != Length)
        {
            throw new ArgumentException($"An SRTP master key and salt are {Length} bytes, not {keyAndSalt.Length}.", nameof(keyAndSalt));
        }

        return new SrtpMasterKey(keyAndSalt.ToArray());
    }

    /// <summary>Reads the base64 of an <c>inline:</c> key; false unless it is exactly 30 bytes.</summary>
    public static bool TryFromBase64(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SrtpMasterKey? key)
    {
        key = null;
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (text.Length != 40 || !Convert.TryFromBase64Chars(text, bytes, out var written) || written != Length)
        {
            return false;
        }

        key = new SrtpMasterKey(bytes[..Length].ToArray());
        return true;
    }

    /// <summary>The base64 text that follows <c>inline:</c> (40 characters, no padding needed for 30 bytes).</summary>
    public string ToBase64() => Convert.ToBase64String(_bytes);

    public bool Equals(SrtpMasterKey? other) => other is not null && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    public override bool Equals(object? obj) => Equals(obj as SrtpMasterKey);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    /// <summary>Never the key itself: keys must not reach a log.</summary>
    public override string ToString() => "SRTP master key";
}
