using System.Globalization;
using Omstilling.Media.Srtp;

namespace Omstilling.Media.Sdp;

/// <summary>
/// One <c>a=crypto</c> attribute (RFC 4568 §9.1): <c>crypto:tag suite key-params [session-params]</c>.
/// Only AES_CM_128_HMAC_SHA1_80 with one <c>inline:</c> key (a lifetime allowed, no MKI, no
/// session parameters) is usable; any other line reads as unusable rather than as an error, so an
/// offer of suites we do not know is refused (488) or answered without SRTP, never with 400.
/// Immutable.
/// </summary>
public sealed record SdesCrypto(int Tag, string Suite, SrtpMasterKey? Key)
{
    /// <summary>The one suite we speak (RFC 4568 §6.2.1), mandatory for SDES.</summary>
    public const string SupportedSuite = "AES_CM_128_HMAC_SHA1_80";

    /// <summary>The attribute's name with its colon, as it starts an <c>a=</c> line's value.</summary>
    public const string Prefix = "crypto:";

    /// <summary>Whether we can key SRTP from this line.</summary>
    public bool IsUsable => Key is not null && Suite == SupportedSuite;

    /// <summary>
    /// Reads the value of an <c>a=</c> line (<c>crypto:1 AES_CM_128_HMAC_SHA1_80 inline:…</c>); false
    /// when it is not a crypto attribute or its tag or suite cannot be read.
    /// </summary>
    public static bool TryParse(string attribute, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SdesCrypto? crypto)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        crypto = null;
        if (!attribute.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var fields = attribute[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3 || fields[0].Length > 9 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var tag))
        {
            return false;
        }

        // Session parameters (KDR, UNENCRYPTED_SRTP, …) change what the key means: the line is not usable.
        var key = fields.Length == 3 ? ReadKey(fields[2]) : null;
        crypto = new SdesCrypto(tag, fields[1], key);
        return true;
    }

    /// <summary>The attribute's value for an <c>a=</c> line: <c>crypto:tag suite inline:base64</c>.</summary>
    public string ToAttribute() =>
        Key is { } key
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Tag} {Suite} inline:{key.ToBase64()}")
            : throw new InvalidOperationException("An unusable crypto line is not written.");

    /// <summary>Never the key: SDP bodies are traced, keys must not be logged through this.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"crypto {Tag} {Suite}");

    /// <summary>One <c>inline:key||salt[|lifetime]</c>; null for several keys, an MKI, or a key of another length.</summary>
    private static SrtpMasterKey? ReadKey(string keyParams)
    {
        if (!keyParams.StartsWith("inline:", StringComparison.Ordinal) || keyParams.Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = keyParams[7..].Split('|');
        if (parts.Length > 2 || (parts.Length == 2 && parts[1].Contains(':', StringComparison.Ordinal)))
        {
            return null; // an MKI (value:length) needs MKI in every packet, which we do not send
        }

        return SrtpMasterKey.TryFromBase64(parts[0], out var key) ? key : null;
    }
}
