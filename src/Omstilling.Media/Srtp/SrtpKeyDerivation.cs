using System.Security.Cryptography;

namespace Omstilling.Media.Srtp;

/// <summary>
/// The SRTP key derivation function (RFC 3711 §4.3) with the AES-CM pseudo-random function
/// (§4.3.3) and a key derivation rate of 0, the SDES default (RFC 4568 §6.3.1 when no KDR is
/// given): every session key is derived once, from index 0. Stateless and thread-safe.
/// </summary>
internal static class SrtpKeyDerivation
{
    /// <summary>The labels of §4.3.1 (SRTP) and §4.3.2 (SRTCP).</summary>
    public const byte RtpEncryption = 0, RtpAuthentication = 1, RtpSalt = 2, RtcpEncryption = 3, RtcpAuthentication = 4, RtcpSalt = 5;

    /// <summary>
    /// Fills <paramref name="output"/> with PRF(master key, x) for x = (label || r) XOR master salt,
    /// r = 0, aligned on the right; the PRF is the AES-CM keystream from x * 2^16 (§4.3.3).
    /// </summary>
    public static void Derive(SrtpMasterKey master, byte label, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(master);
        Span<byte> counters = stackalloc byte[64];
        var blocks = (output.Length + 15) / 16;
        if (blocks > counters.Length / 16)
        {
            throw new ArgumentOutOfRangeException(nameof(output), "At most 64 bytes of session key are derived.");
        }

        Span<byte> x = stackalloc byte[16];
        x.Clear();
        master.Salt.CopyTo(x); // 112 bits in bytes 0-13; bytes 14-15 are the counter
        x[7] ^= label;          // key_id = label || r (48 bits of r = 0) ends at byte 13: the label is byte 7

        for (var i = 0; i < blocks; i++)
        {
            var block = counters.Slice(i * 16, 16);
            x.CopyTo(block);
            block[15] = (byte)i;
        }

        using var aes = Aes.Create();
        aes.Key = master.Key.ToArray();
        var stream = counters[..(blocks * 16)];
        aes.EncryptEcb(stream, stream, PaddingMode.None);
        stream[..output.Length].CopyTo(output);
        CryptographicOperations.ZeroMemory(stream);
    }
}
