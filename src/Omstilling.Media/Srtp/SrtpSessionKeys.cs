using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Omstilling.Media.Srtp;

/// <summary>
/// The session keys of one direction of SRTP or of SRTCP (RFC 3711 §4.3): the AES-128 cipher
/// key, the HMAC-SHA1 authentication key and the 112-bit session salt, with the two transforms
/// that use them. Not thread-safe: the cipher and the MAC keep native state, so one thread at a
/// time (the stream's send lock, or its one receive thread).
/// </summary>
internal sealed class SrtpSessionKeys : IDisposable
{
    /// <summary>Bytes of the truncated HMAC-SHA1 tag of AES_CM_128_HMAC_SHA1_80 (RFC 3711 §5.2, §8.2).</summary>
    public const int TagLength = 10;

    /// <summary>The most one packet may be encrypted: 2^16 AES blocks, all the counter has (RFC 3711 §4.1.1).</summary>
    public const int MaxTransformLength = 65536 * 16;

    /// <summary>The keystream made per call of the cipher: 16 blocks, a G.711 packet's payload in one.</summary>
    private const int ChunkLength = 256;

    private readonly Aes _cipher;

    // One ECB encryptor made once and reused: the one-shot EncryptEcb makes a native cipher context
    // (and a managed handle) per call, which cost more than the encryption itself.
    private readonly ICryptoTransform _encryptor;
    private readonly byte[] _counters = new byte[ChunkLength];
    private readonly byte[] _keystream = new byte[ChunkLength];
    private readonly IncrementalHash _mac;
    private readonly byte[] _salt = new byte[SrtpMasterKey.SaltLength];

    private SrtpSessionKeys(Aes cipher, IncrementalHash mac, ReadOnlySpan<byte> salt)
    {
        cipher.Mode = CipherMode.ECB;
        cipher.Padding = PaddingMode.None;
        _cipher = cipher;
        _encryptor = cipher.CreateEncryptor(cipher.Key, null);
        _mac = mac;
        salt.CopyTo(_salt);
    }

    /// <summary>Session keys given as they are (the test vectors of RFC 3711 appendix B.2 start from these).</summary>
    public static SrtpSessionKeys FromSessionKeys(ReadOnlySpan<byte> encryption, ReadOnlySpan<byte> authentication, ReadOnlySpan<byte> salt)
    {
        var cipher = Aes.Create();
        cipher.Key = encryption.ToArray();
        return new SrtpSessionKeys(cipher, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authentication), salt);
    }

    /// <summary>The SRTP session keys of <paramref name="master"/> (labels 0, 1, 2).</summary>
    public static SrtpSessionKeys ForRtp(SrtpMasterKey master) =>
        Derive(master, SrtpKeyDerivation.RtpEncryption, SrtpKeyDerivation.RtpAuthentication, SrtpKeyDerivation.RtpSalt);

    /// <summary>The SRTCP session keys of <paramref name="master"/> (labels 3, 4, 5).</summary>
    public static SrtpSessionKeys ForRtcp(SrtpMasterKey master) =>
        Derive(master, SrtpKeyDerivation.RtcpEncryption, SrtpKeyDerivation.RtcpAuthentication, SrtpKeyDerivation.RtcpSalt);

    /// <summary>
    /// Encrypts or decrypts <paramref name="data"/> in place with AES in counter mode (§4.1.1): the
    /// keystream block j is AES(k_e, IV + j), IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16).
    /// The keystream is made in the context's own buffers, one call of the cipher per 16 blocks.
    /// </summary>
    public void Transform(uint ssrc, ulong index, Span<byte> data)
    {
        if (data.Length > MaxTransformLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), "AES-CM has 2^16 blocks per packet (RFC 3711 §4.1.1).");
        }

        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        _salt.CopyTo(iv);
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(word, ssrc);
        for (var i = 0; i < 4; i++)
        {
            iv[4 + i] ^= word[i];
        }

        BinaryPrimitives.WriteUInt64BigEndian(word, index << 16); // the 48-bit index lands in bytes 8-13
        for (var i = 0; i < 6; i++)
        {
            iv[8 + i] ^= word[i];
        }

        var block = 0;
        for (var offset = 0; offset < data.Length; offset += ChunkLength)
        {
            var chunk = data[offset..Math.Min(data.Length, offset + ChunkLength)];
            var blocks = (chunk.Length + 15) / 16;
            for (var j = 0; j < blocks; j++, block++)
            {
                var counter = _counters.AsSpan(j * 16, 16);
                iv.CopyTo(counter);
                BinaryPrimitives.WriteUInt16BigEndian(counter[14..], (ushort)block);
            }

            _encryptor.TransformBlock(_counters, 0, blocks * 16, _keystream, 0);
            var stream = _keystream.AsSpan(0, chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] ^= stream[i];
            }
        }
    }

    /// <summary>
    /// The 80-bit tag (§4.2): HMAC-SHA1(k_a, <paramref name="authenticated"/> || <paramref name="trailer"/>)
    /// cut to its first 10 bytes. The trailer is the ROC for SRTP, E || SRTCP index for SRTCP.
    /// </summary>
    public void Tag(ReadOnlySpan<byte> authenticated, ReadOnlySpan<byte> trailer, Span<byte> tag)
    {
        Span<byte> hash = stackalloc byte[20];
        _mac.AppendData(authenticated);
        _mac.AppendData(trailer);
        if (!_mac.TryGetHashAndReset(hash, out _))
        {
            throw new CryptographicException("HMAC-SHA1 gave no hash.");
        }

        hash[..TagLength].CopyTo(tag);
    }

    public void Dispose()
    {
        _encryptor.Dispose();
        _cipher.Dispose();
        _mac.Dispose();
    }

    private static SrtpSessionKeys Derive(SrtpMasterKey master, byte encryption, byte authentication, byte salt)
    {
        Span<byte> derived = stackalloc byte[16 + 20 + 14];
        SrtpKeyDerivation.Derive(master, encryption, derived[..16]);
        SrtpKeyDerivation.Derive(master, authentication, derived.Slice(16, 20));
        SrtpKeyDerivation.Derive(master, salt, derived[36..]);
        var cipher = Aes.Create();
        cipher.Key = derived[..16].ToArray();
        var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, derived.Slice(16, 20));
        var keys = new SrtpSessionKeys(cipher, mac, derived[36..]);
        CryptographicOperations.ZeroMemory(derived);
        return keys;
    }
}
